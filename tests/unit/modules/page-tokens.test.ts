/**
 * Every extension page gets its head (charset, viewport, design tokens) from its HTML, written in at
 * build time (modules/page-tokens.ts), not from a script: a page that lost its marker would open
 * unstyled, and one without its charset would show a rep's accents as mojibake.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { pageDesignTokens } from '@/modules/page-tokens';
import { frameTokenCss, pageTokenCss } from '@/components/common/design/tokens';

const transform = pageDesignTokens().transformIndexHtml as (html: string) => string;

describe('the page head in the pages’ HTML', () => {
  test.each([
    ['popup', pageTokenCss()],
    ['options', pageTokenCss()],
    ['sidepanel', pageTokenCss()],
    ['card', frameTokenCss()],
  ])('%s.html carries its charset first, then every token, in its head', (page, css) => {
    const source = readFileSync(`entrypoints/${page}/index.html`, 'utf8');
    const built = transform(source);
    const head = built.slice(0, built.indexOf('</head>'));
    expect(head).toContain(`<style>${css}</style>`);
    expect(head.indexOf('<meta charset="UTF-8" />')).toBeGreaterThan(0);
    expect(head.indexOf('<meta charset="UTF-8" />')).toBeLessThan(1024 - 30);
    expect(head.match(/<meta charset=/g)).toHaveLength(1);
    expect(head).toContain('name="viewport"');
    expect(built).not.toContain('page-head -->');
  });
});
