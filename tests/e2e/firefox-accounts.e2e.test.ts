/**
 * Several Gmail accounts in real Firefox (issue 27, part 3), as tests/e2e/gmail-accounts.e2e.test.ts
 * checks in Chromium: two tabs of two accounts open at once each read their own account from
 * their own page, so each leaves out its own colleagues. Firefox gives a test no way into our
 * closed roots; a colleague's chip host leaves Gmail's line (`hidden`) once the worker answers,
 * which the test can read from outside.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, test } from './fixtures';
import { fixtureVariant, waitFor } from './harness';
import { openFirefoxGmail } from './harness/firefox';

const THREAD = 'thread-expanded-2025';
const RAHUL = 'rahul.sharma@acme-tech.example';
const BLUESTONE = [
  'ananya.iyer@bluestone.example',
  'procurement-team@bluestone.example',
  'vikram.reddy@bluestone.example',
];

/** The chip hosts' addresses, split by whether they left the line. */
const hosts = (page: Page) =>
  page.evaluate(() => {
    const all = [...document.querySelectorAll<HTMLElement>('vivre-chip[data-vivre-email]')];
    const emails = (hidden: boolean) => [
      ...new Set(all.filter((h) => h.hidden === hidden).map((h) => h.dataset.vivreEmail!)),
    ];
    return { shown: emails(false).sort(), hidden: emails(true).sort() };
  });

describe('several Gmail accounts at once, in Firefox', () => {
  test('each tab leaves out its own account’s colleagues, in the same browser at the same time', async ({
    firefox,
  }) => {
    // /mail/u/0/: signed in at bluestone.example (the capture's own title).
    const first = await openFirefoxGmail(firefox, fixtureVariant(THREAD, []), '#inbox/FMfcg');
    // /mail/u/1/: the same thread in the rep's other account, at acme-tech.example.
    const second = await openFirefoxGmail(
      firefox,
      fixtureVariant(THREAD, [
        ['meenakshi.rao@bluestone.example - Gmail', 'meera.rep@acme-tech.example - Gmail'],
      ]),
      '#inbox/FMfcg',
      '/mail/u/1/',
    );
    try {
      // Once each tab's colleagues are answered (and so left out), the others stay.
      const inFirst = await waitFor(async () => {
        const seen = await hosts(first);
        return seen.hidden.length >= BLUESTONE.length && seen;
      }, 'the first account’s colleagues left out');
      const inSecond = await waitFor(async () => {
        const seen = await hosts(second);
        return seen.hidden.includes(RAHUL) && seen;
      }, 'the second account’s colleague left out');
      expect(inFirst).toEqual({ shown: [RAHUL], hidden: BLUESTONE });
      expect(inSecond.hidden).toEqual([RAHUL]);
      expect(inSecond.shown).toEqual(expect.arrayContaining(BLUESTONE));
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});
