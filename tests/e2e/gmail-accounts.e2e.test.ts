/**
 * Several Gmail accounts, and a delegated mailbox, in real Chromium (issue 27, part 3): each tab
 * reads its own account from its own page (URL, title), never from another tab, so two tabs of
 * two accounts open at once each hide their own colleagues and log by their own rules; in a
 * delegated mailbox the delegating mailbox is "me", not the delegate the Google bar names.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { DEEPA, SNEHA } from '../factories';
import { describe, expect } from './fixtures';
import { emailsWithSubject, TOGGLE, test } from './email-logging-fixtures';
import { chipNames, fixtureVariant, openGmailHtml, waitFor } from './harness';
import { clickControl, repControl, repStatus } from './harness/rep-controls';

const THREAD = 'thread-expanded-2025';
// The people of the thread by the names their chips say (a colleague's host stays empty).
const BLUESTONE = ['Ananya Iyer', 'Vikram Reddy'];
const RAHUL = 'Rahul Sharma';

/** Who has a chip, once at least `count` chips have their answer and none is still asking. */
async function chipped(page: Page, count: number): Promise<string[]> {
  const settled = (name: string) => /AI score|not in Vivre/.test(name);
  let names: string[] = [];
  await waitFor(async () => {
    names = await chipNames(page);
    return names.length >= count && names.every(settled);
  }, `${count} settled chips`);
  return [...new Set(names.map((name) => name.slice('Vivre: '.length).split(',')[0]!))].sort();
}

describe('several Gmail accounts at once', () => {
  test('each tab hides its own account’s colleagues, in the same browser at the same time', async ({
    extension,
    gmail,
  }) => {
    // /mail/u/0/: signed in at bluestone.example (the capture's own title).
    const first = await gmail.open(THREAD);
    // /mail/u/1/: the same thread in the rep's other account, at acme-tech.example.
    const second = await openGmailHtml(
      extension,
      fixtureVariant(THREAD, [
        ['meenakshi.rao@bluestone.example - Gmail', 'meera.rep@acme-tech.example - Gmail'],
      ]),
      '#inbox/FMfcg',
      '/mail/u/1/',
    );
    try {
      const [inFirst, inSecond] = await Promise.all([chipped(first, 2), chipped(second, 4)]);
      expect(inFirst).toEqual([RAHUL]);
      expect(inSecond).toEqual(expect.arrayContaining(BLUESTONE));
      expect(inSecond).not.toContain(RAHUL);
      // The first tab, asked again after the second: still its own account's rules.
      await first.reload();
      expect(await chipped(first, 2)).toEqual([RAHUL]);
    } finally {
      await second.close();
    }
  });

  // The Google bar names the delegate (the rep's own account, at bluestone.example); the
  // delegating mailbox is at acme-tech.example. Its title names it, or, where a title names no
  // address, the account switcher's entry for this very mailbox (/mail/b/<id>/) does.
  const GOOGLE_BAR = (entry: string) =>
    `<div id="gb"><a href="https://accounts.google.com/SignOutOptions" aria-label="Google Account: Meenakshi Rao (meenakshi.rao@bluestone.example)">M</a>${entry}</div></body>`;
  const DELEGATING_ENTRY =
    '<a href="https://mail.google.com/mail/b/ALGkd0xTest/u/0/">Priya Head priya.head@acme-tech.example (delegated)</a>';
  test.for([
    [
      'its title',
      'PO-4471 – revised delivery schedule - priya.head@acme-tech.example - Acme Mail',
      '',
    ],
    ['its switcher entry', 'PO-4471 – revised delivery schedule - Acme Mail', DELEGATING_ENTRY],
  ] as const)(
    'a delegated mailbox is "me" by %s, not by the delegate in the Google bar',
    async ([, title, entry], { extension }) => {
      const delegated = await openGmailHtml(
        extension,
        fixtureVariant(THREAD, [
          ['PO-4471 – revised delivery schedule - meenakshi.rao@bluestone.example - Gmail', title],
          ['</body>', GOOGLE_BAR(entry)],
        ]),
        '#inbox/FMfcg',
        '/mail/b/ALGkd0xTest/u/0/',
      );
      try {
        const people = await chipped(delegated, 4);
        expect(people).toEqual(expect.arrayContaining(BLUESTONE));
        expect(people).not.toContain(RAHUL);
      } finally {
        await delegated.close();
      }
    },
  );

  test('logs from each tab follow its own account’s colleagues', async ({
    extension,
    sandbox,
    compose,
    copiesOnceSynced,
  }) => {
    // Signed in at seller.example: Sneha and Deepa are both customers.
    const seller = await compose('E2E account seller', 'Logs for Sneha Kulkarni, Deepa Menon.');
    // The rep's other account, at kiran-logistics.example, open at the same time: Deepa is a
    // colleague there. Another draft, as another account's compose has.
    const subject = `E2E account kiran ${randomUUID().slice(0, 8)}`;
    const kiran = await openGmailHtml(
      extension,
      fixtureVariant('compose-send', [
        ['meera.rep@seller.example - Gmail', 'meera.rep@kiran-logistics.example - Gmail'],
        ['#msg-a:r-1111111111111111111', '#msg-a:r-4444444444444444444'],
      ]),
      '#inbox',
      '/mail/u/1/',
    );
    try {
      await kiran.locator('input[name=subjectbox]').fill(subject);
      const toggle = await repControl(kiran, TOGGLE, { role: 'checkbox', name: 'Log to Vivre' });
      if (!toggle.checked) await clickControl(kiran, toggle);
      await expect
        .poll(() => repStatus(kiran, TOGGLE), { timeout: 30_000 })
        .toBe('Logs for Sneha Kulkarni.');
      expect(await repStatus(seller.page, TOGGLE)).toBe('Logs for Sneha Kulkarni, Deepa Menon.');

      await kiran.getByRole('button', { name: /^Send/ }).click();
      await seller.page.getByRole('button', { name: /^Send/ }).click();
      expect(await copiesOnceSynced(seller.subject, [SNEHA, DEEPA])).toEqual([1, 1]);
      expect(await copiesOnceSynced(subject, [SNEHA])).toEqual([1]);
      expect(await emailsWithSubject(sandbox, DEEPA, subject)).toEqual([]);
    } finally {
      await kiran.close();
    }
  });
});
