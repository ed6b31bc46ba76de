// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectTheme, findSignedInEmail, subjectFromTitle } from '@/lib/content/gmail/page';

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

describe('detectTheme: Gmail’s own theme, never the OS preference', () => {
  const osPrefersDark = () =>
    vi.spyOn(window, 'matchMedia').mockReturnValue({ matches: true } as MediaQueryList);
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.replaceChildren();
    document.body.removeAttribute('style');
  });

  /** Gmail's frame as InboxSDK reads it: a left-nav entry and the mail area. */
  function gmailFrame({ nav, area }: { nav: string; area: string }) {
    const entry = document.createElement('div');
    entry.className = 'aio';
    entry.style.color = nav;
    const mail = document.createElement('div');
    mail.className = 'bkK';
    const surface = document.createElement('div');
    surface.className = 'nH';
    surface.style.backgroundColor = area;
    mail.append(surface);
    document.body.append(entry, mail);
  }

  it('follows the opaque mail area behind messages', () => {
    gmailFrame({ nav: 'rgb(31, 31, 31)', area: 'rgb(32, 33, 36)' });
    expect(detectTheme(document)).toBe('dark');
    document.querySelector<HTMLElement>('.nH')!.style.backgroundColor = 'rgb(255, 255, 255)';
    expect(detectTheme(document)).toBe('light');
  });

  it('stays light on a dark-mode OS while Gmail is light (a transparent, image-free page)', () => {
    osPrefersDark();
    document.body.style.backgroundColor = 'rgba(0, 0, 0, 0)';
    gmailFrame({ nav: 'rgb(31, 31, 31)', area: 'rgba(0, 0, 0, 0)' });
    expect(detectTheme(document)).toBe('light');
  });

  it('reads a dark theme with a background image from its light text', () => {
    document.body.style.backgroundColor = 'rgba(0, 0, 0, 0)';
    gmailFrame({ nav: 'rgb(232, 234, 237)', area: 'rgba(0, 0, 0, 0)' });
    expect(detectTheme(document)).toBe('dark');
  });

  it('is light when nothing on the page says otherwise', () => {
    osPrefersDark();
    expect(detectTheme(document)).toBe('light');
  });
});
