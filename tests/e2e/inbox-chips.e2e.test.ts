/**
 * Score chips in Gmail's inbox list, in real Chromium against the sandbox, on rows of real Gmail
 * markup (tests/fixtures/gmail/inbox-2019.html, provenance in its comment): exactly one chip per
 * external person per row, none for the rep or colleagues, none from the hidden summaries, and
 * the hot-lead mark on the rows of hot leads. The options switch removes them all.
 */
import type { Page } from 'playwright-core';
import { INBOX_2019_CHIP_COUNT, INBOX_2019_ROW_CHIPS } from '../fixtures/gmail/inbox-2019-chips';
import { describe, expect, test } from './fixtures';
import { askWorkerOk, VISIBLE_ROW_CHIP_EMAILS, waitForSettledRowChips } from './harness';

const INBOX = 'inbox-2019';

/** Once every row chip has its answer: each visible row's chip addresses, in order. */
async function settledRowChips(page: Page): Promise<string[][]> {
  await waitForSettledRowChips(page, INBOX_2019_CHIP_COUNT);
  return page.evaluate<string[][]>(VISIBLE_ROW_CHIP_EMAILS);
}

describe('score chips in the inbox list', () => {
  test('one chip per external person per row; none for the rep, colleagues or hidden summaries', async ({
    gmail,
  }) => {
    const page = await gmail.open(INBOX);
    expect(await settledRowChips(page)).toEqual(INBOX_2019_ROW_CHIPS);
    expect(await page.locator('.afn [data-vivre-host]').count()).toBe(0);
    expect(await page.locator('[data-vivre-email="vikram.reddy@bluestone.example"]').count()).toBe(
      0,
    );

    // The chips say the score and band, from the sandbox's own scores.
    const names = await page
      .locator('vivre-row-chip')
      .evaluateAll((hosts) => hosts.map((host) => host.getAttribute('aria-label')));
    expect(names).toContain('Vivre: Rahul Sharma, AI score 87, hot lead');
    expect(names).toContain('Vivre: Radhika Desai, AI score 53, warm lead');
    expect(names).toContain('Vivre: Kabir Ahuja is not in Vivre');

    // Every chip is the same fixed box whatever it shows: the row never shifts.
    const sizes = await page
      .locator('vivre-row-chip')
      .evaluateAll((hosts) => hosts.map((host) => `${host.getBoundingClientRect().width}`));
    expect(new Set(sizes)).toEqual(new Set(['24']));
  });

  test('marks the rows of hot leads, with an accessible name', async ({ gmail }) => {
    const page = await gmail.open(INBOX);
    await settledRowChips(page);
    const marks = page.getByRole('img', { name: /^Hot lead:/ });
    await expect.poll(() => marks.count()).toBe(4);
    expect(await page.getByRole('img', { name: 'Hot lead: Aarav Gill, AI score 88' }).count()).toBe(
      1,
    );
    const markedRows = await page.evaluate(() =>
      [...document.querySelectorAll('tr.zA')]
        .map((row, index) => (row.querySelector('vivre-hot-lead') ? index + 1 : 0))
        .filter(Boolean),
    );
    expect(markedRows).toEqual([1, 5, 6, 7]);
  });

  test('switched off in options, every chip and mark leaves the open inbox', async ({
    gmail,
    extensionPage,
  }) => {
    const page = await gmail.open(INBOX);
    await settledRowChips(page);
    // What the options page's switch sends: the worker keeps it where Gmail tabs follow it.
    await askWorkerOk(extensionPage, 'saveInboxList', { showScores: false, hotLeadThreshold: 70 });
    await expect.poll(() => page.locator('vivre-row-chip, vivre-hot-lead').count()).toBe(0);
    await askWorkerOk(extensionPage, 'saveInboxList', { showScores: true, hotLeadThreshold: 70 });
  });
});
