import { describe, expect, it } from 'vitest';
import { classifySender, type Sender } from '@/lib/worker/router';
import * as real from './fixtures/message-senders';

const chrome = { id: real.CHROME_ID, root: real.CHROME_ROOT };
const firefox = { id: real.GECKO_ID, root: real.FIREFOX_ROOT };

describe('the sender check, on what each browser really sends', () => {
  it.each([
    ['Chrome', 'content script in Gmail', real.chromeContentScript, chrome, 'gmail'],
    ['Chrome', 'options page', real.chromeOptionsPage, chrome, 'options'],
    ['Chrome', 'toolbar popup', real.chromePopup, chrome, 'popup'],
    ['Firefox', 'content script in Gmail', real.firefoxContentScript, firefox, 'gmail'],
    ['Firefox', 'options page', real.firefoxOptionsPage, firefox, 'options'],
    ['Firefox', 'toolbar popup', real.firefoxPopup, firefox, 'popup'],
    ['Chrome', 'card page framed in Gmail', real.chromeCardInGmail, chrome, 'card'],
    // Firefox calls it a content script ('content_child'): accepted for the card in Gmail only.
    ['Firefox', 'card page framed in Gmail', real.firefoxCardInGmail, firefox, 'card'],
    // The sender that made every Firefox chip say "refused": no tab.url.
    ['Firefox MV2', 'content script in Gmail', real.firefoxMv2ContentScript, firefox, 'gmail'],
  ] as const)('%s: accepts our %s', (_browser, _what, sender, self, kind) => {
    expect(classifySender(sender, self)).toBe(kind);
  });

  const refused: [string, Sender, typeof chrome][] = [
    ['a Chrome sender in the Firefox worker', real.chromeContentScript, firefox],
    ['a Firefox sender in the Chrome worker', real.firefoxContentScript, chrome],
    [
      'a Firefox content script that claims to be a page',
      { ...real.firefoxContentScript, url: real.firefoxOptionsPage.url },
      firefox,
    ],
    [
      'a Firefox page whose envType says content script',
      { ...real.firefoxOptionsPage, envType: 'content_child' },
      firefox,
    ],
    [
      'a page URL from another extension origin',
      { ...real.chromeOptionsPage, origin: 'chrome-extension://someoneelse' },
      chrome,
    ],
    [
      'our content script in a frame of another site inside Gmail',
      {
        ...real.firefoxContentScript,
        url: 'https://ads.example/frame',
        origin: 'https://ads.example',
        frameId: 7,
      },
      firefox,
    ],
    [
      'a Gmail origin whose URL says otherwise',
      { ...real.chromeContentScript, url: 'https://evil.example/' },
      chrome,
    ],
    [
      'a Gmail sender without a tab',
      { id: real.CHROME_ID, url: 'https://mail.google.com/', origin: 'https://mail.google.com' },
      chrome,
    ],
    [
      'a Gmail sender whose tab shows another site',
      { ...real.chromeContentScript, tab: { url: 'https://evil.example/' } },
      chrome,
    ],
    ['a sender with no id', { ...real.firefoxContentScript, id: undefined }, firefox],
    [
      "a Firefox 'content_child' page that is not the card",
      { ...real.firefoxCardInGmail, url: `${real.FIREFOX_ROOT}options.html` },
      firefox,
    ],
    [
      "a Firefox 'content_child' card outside Gmail",
      {
        ...real.firefoxCardInGmail,
        tab: { ...real.firefoxCardInGmail.tab, url: 'https://evil.example/' },
      },
      firefox,
    ],
    [
      "a Firefox 'content_child' card as a tab's top document",
      { ...real.firefoxCardInGmail, frameId: 0 },
      firefox,
    ],
    [
      'the card with another extension origin',
      { ...real.chromeCardInGmail, origin: 'chrome-extension://someoneelse' },
      chrome,
    ],
  ];
  it.each(refused)('refuses %s', (_what, sender, self) => {
    expect(classifySender(sender, self)).toBeNull();
  });
});
