// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findSignedInEmail, mailboxOf } from '@/lib/content/gmail/account';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

// The Google bar as InboxSDK's captures show it: the account button, then the switcher's entries.
const BAR = `<div id="gb">
  <a href="https://accounts.google.com/SignOutOptions" aria-label="Google Account: Meera Rep (meera@seller.example)"></a>
  <a href="https://mail.google.com/mail/u/0">Meera Rep meera@seller.example (default)</a>
  <a href="https://mail.google.com/mail/u/1" aria-label="Meera Personal (meera.rep@gmail.com)"></a>
  <a href="https://mail.google.com/mail/b/143/u/0/">Priya Head priya.head@seller.example (delegated)</a>
</div>`;

describe('mailboxOf', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox', { path: 'u/0', delegated: false }],
    ['https://mail.google.com/mail/u/1/#inbox/FMfcg', { path: 'u/1', delegated: false }],
    [
      'https://mail.google.com/mail/b/ALGkd0x/u/0/#inbox',
      { path: 'b/ALGkd0x/u/0', delegated: true },
    ],
    ['https://mail.google.com/mail/#inbox', null],
  ])('%s → %j', (url, expected) => expect(mailboxOf(url)).toEqual(expected));
});

describe('findSignedInEmail: this tab’s own account', () => {
  it.each([
    [
      'Inbox (3) - meera@seller.example - Gmail',
      'https://mail.google.com/mail/u/0/#inbox',
      'meera@seller.example',
    ],
    [
      'Inbox - meera.rep@gmail.com - Gmail',
      'https://mail.google.com/mail/u/1/#inbox',
      'meera.rep@gmail.com',
    ],
    // A delegated mailbox is titled by the mailbox: the delegating one is "me" there.
    [
      'Inbox - priya.head@seller.example - Seller Mail',
      'https://mail.google.com/mail/b/143/u/0/#inbox',
      'priya.head@seller.example',
    ],
    // The URL may name the account itself.
    ['Gmail', 'https://mail.google.com/mail/u/Meera.Rep@Gmail.com/#inbox', 'meera.rep@gmail.com'],
    [
      'Gmail',
      'https://mail.google.com/mail/?authuser=meera%40seller.example#inbox',
      'meera@seller.example',
    ],
  ])('title %j at %s → %s', (title, url, expected) => {
    const doc = parse(`<title></title>${BAR}`);
    doc.title = title;
    expect(findSignedInEmail(doc, url)).toBe(expected);
  });

  it('without an address in the title, takes the switcher entry for this tab’s /u/<n>', () => {
    const doc = parse(`<title>Gmail</title>${BAR}`);
    expect(findSignedInEmail(doc, 'https://mail.google.com/mail/u/1/#inbox')).toBe(
      'meera.rep@gmail.com',
    );
    expect(findSignedInEmail(doc, 'https://mail.google.com/mail/u/0/#inbox')).toBe(
      'meera@seller.example',
    );
  });

  it('in a delegated mailbox, takes its own switcher entry and never the delegate’s account button', () => {
    const doc = parse(`<title>Gmail</title>${BAR}`);
    const url = 'https://mail.google.com/mail/b/143/u/0/#inbox';
    expect(findSignedInEmail(doc, url)).toBe('priya.head@seller.example');
    const withoutEntry = parse(
      '<title>Gmail</title><div id="gb"><a href="https://accounts.google.com/SignOutOptions" aria-label="Google Account: Meera Rep (meera@seller.example)"></a></div>',
    );
    expect(findSignedInEmail(withoutEntry, url)).toBeNull();
  });

  it('never takes another account’s switcher entry for the account button', () => {
    const doc = parse(
      '<title>Gmail</title><div id="gb"><a href="https://mail.google.com/mail/u/1" aria-label="Other (other@x.example)"></a></div>',
    );
    expect(findSignedInEmail(doc, 'https://mail.google.com/mail/u/0/#inbox')).toBeNull();
  });

  it('two tabs of two accounts each read their own page', () => {
    const first = parse('<title>Inbox - meera@seller.example - Gmail</title>');
    const second = parse('<title>Inbox - meera@buyer.example - Gmail</title>');
    expect(findSignedInEmail(first, 'https://mail.google.com/mail/u/0/')).toBe(
      'meera@seller.example',
    );
    expect(findSignedInEmail(second, 'https://mail.google.com/mail/u/1/')).toBe(
      'meera@buyer.example',
    );
    expect(findSignedInEmail(first, 'https://mail.google.com/mail/u/0/')).toBe(
      'meera@seller.example',
    );
  });
});
