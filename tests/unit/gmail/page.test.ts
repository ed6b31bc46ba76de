// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectTheme, findSignedInEmail, subjectFromTitle } from '@/content/gmail/page';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

afterEach(() => {
  document.body.style.backgroundColor = '';
  vi.restoreAllMocks();
});

describe('findSignedInEmail', () => {
  it.each([
    [
      'PO-4471 – revised - Meenakshi.Rao@Bluestone.example - Gmail',
      'meenakshi.rao@bluestone.example',
    ],
    ['Inbox (3) - rep@acme.example - Acme Mail', 'rep@acme.example'],
    ['Re: intro - other@x.example - rep@acme.example - Gmail', 'rep@acme.example'],
    ['other@x.example', null],
    ['Gmail', null],
    ['', null],
  ])('%j → %j', (title, expected) => {
    const doc = parse('<html><head></head><body></body></html>');
    doc.title = title;
    expect(findSignedInEmail(doc)).toBe(expected);
  });

  it('falls back to the Google bar account button when the title has no address', () => {
    const doc = parse(
      '<title>Gmail</title><div id="gb"><a aria-label="Google Account: Rep One  (Rep@Acme.example)"></a></div>',
    );
    expect(findSignedInEmail(doc)).toBe('rep@acme.example');
  });
});

describe('subjectFromTitle', () => {
  it.each([
    ['PO-4471 – revised - Meenakshi.Rao@Bluestone.example - Gmail', 'PO-4471 – revised'],
    ['Re: a - b - rep@acme.example - Gmail', 'Re: a - b'],
    ['Inbox (3) - rep@acme.example - Acme Mail', null],
    ['Gmail', null],
    ['', null],
  ])('%j → %j', (title, expected) => {
    expect(subjectFromTitle(title)).toBe(expected);
  });
});

describe('detectTheme', () => {
  it('follows Gmail’s page background', () => {
    document.body.style.backgroundColor = 'rgb(32, 33, 36)';
    expect(detectTheme(document)).toBe('dark');
    document.body.style.backgroundColor = 'rgb(246, 248, 252)';
    expect(detectTheme(document)).toBe('light');
  });

  it('falls back to the system preference when the body is transparent', () => {
    document.body.style.backgroundColor = 'rgba(0, 0, 0, 0)';
    vi.spyOn(window, 'matchMedia').mockReturnValue({ matches: true } as MediaQueryList);
    expect(detectTheme(document)).toBe('dark');
  });
});
