/**
 * public/privacy.html is PRIVACY.md as the extension ships it: this fails as soon as one changes
 * without the other (`npm run privacy-page` regenerates the page). It also holds the converter to
 * its promises: all text escaped, no script, only the constructs PRIVACY.md uses.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRIVACY_HTML, PRIVACY_MD, renderInline, renderPrivacyPage } from '@/scripts/privacy-page';

describe('the bundled privacy page', () => {
  it('is up to date with PRIVACY.md (run `npm run privacy-page` if not)', () => {
    const expected = renderPrivacyPage(readFileSync(PRIVACY_MD, 'utf8'));
    expect(readFileSync(PRIVACY_HTML, 'utf8')).toBe(expected);
  });

  it('has no script or inline handler, and its stylesheet is shipped beside it', () => {
    const page = readFileSync(PRIVACY_HTML, 'utf8');
    expect(page).not.toMatch(/<script|\son\w+=|javascript:|style=/i);
    expect(page).toContain('<link rel="stylesheet" href="privacy.css" />');
    expect(existsSync(path.join(path.dirname(PRIVACY_HTML), 'privacy.css'))).toBe(true);
  });

  it('carries the date and the contact address', () => {
    const page = readFileSync(PRIVACY_HTML, 'utf8');
    expect(page).toContain('2026-11-26');
    expect(page).toContain('<a href="mailto:privacy@vivre.app">privacy@vivre.app</a>');
  });
});

describe('the Markdown converter', () => {
  it('converts headings, paragraphs and lists with indented continuation lines', () => {
    const page = renderPrivacyPage(
      [
        '# Title',
        '',
        'One paragraph',
        'on two lines.',
        '',
        '## A section',
        '',
        '- first item',
        '  continued',
        '- second',
        '',
        '1. one',
        '2. two',
      ].join('\n'),
    );
    expect(page).toContain('<title>Title</title>');
    expect(page).toContain('<h1 id="title">Title</h1>');
    expect(page).toContain('<p>One paragraph on two lines.</p>');
    expect(page).toContain('<h2 id="a-section">A section</h2>');
    expect(page).toContain('<ul>\n  <li>first item continued</li>\n  <li>second</li>\n</ul>');
    expect(page).toContain('<ol>\n  <li>one</li>\n  <li>two</li>\n</ol>');
  });

  it('converts bold, code and links, and escapes every piece of text', () => {
    expect(renderInline('**Save** the `<key>` & [mail us](mailto:a@b.example) <b>"x"</b>')).toBe(
      '<strong>Save</strong> the <code>&lt;key&gt;</code> &amp; ' +
        '<a href="mailto:a@b.example">mail us</a> &lt;b&gt;&quot;x&quot;&lt;/b&gt;',
    );
    expect(renderInline('**a `b` [c](#d)**')).toBe(
      '<strong>a <code>b</code> <a href="#d">c</a></strong>',
    );
  });

  it.each([
    ['javascript:alert(1)'],
    ['http://example.com'],
    ['https://example.com/"onmouseover="x'],
  ])('refuses the link target %s', (href) => {
    expect(() => renderInline(`[x](${href})`)).toThrow(/link|unsupported/);
  });

  it.each([
    ['a table', '| a | b |'],
    ['a quote', '> quoted'],
    ['a code block', '```'],
    ['a nested list', '- item\n  - nested'],
    ['an unindented line after a list item', '- item\nloose'],
    ['a star list', '* item'],
    ['raw HTML', '<div>x</div>'],
    ['unclosed bold', 'some **bold'],
    ['italics', 'some _emphasis_ here'],
  ])('refuses %s rather than shipping stray characters', (_, markdown) => {
    expect(() => renderPrivacyPage(`# T\n\n${markdown}\n`)).toThrow(/privacy-page/);
  });
});
