/**
 * Score chips in Gmail's inbox list, in real Chromium against the sandbox, on rows of real Gmail
 * markup (tests/fixtures/gmail/inbox-2019.html, provenance in its comment): exactly one chip per
 * external person per row, none for the rep or colleagues, none from the hidden summaries, and
 * the hot-lead mark on the rows of hot leads. The options switch removes them all.
 */
import type { Page } from 'playwright-core';
import { INBOX_2019_CHIP_COUNT, INBOX_2019_ROW_CHIPS } from '../fixtures/gmail/inbox-2019-chips';
import { describe, expect, test } from './fixtures';
import {
  askWorkerOk,
  imageNames,
  settledRowChipNames,
  VISIBLE_ROW_CHIP_EMAILS,
  waitForSettledRowChips,
} from './harness';

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

    // The chips say the score and band, from the sandbox's own scores, to a screen reader (their
    // names are inside the closed roots, out of page script's reach: card-isolation.e2e.test.ts).
    const names = await settledRowChipNames(page);
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
    const marks = async () =>
      (await imageNames(page)).filter((name) => name.startsWith('Hot lead: '));
    await expect.poll(async () => (await marks()).length).toBe(4);
    expect(await marks()).toEqual([
      'Hot lead: Rahul Sharma, AI score 87',
      'Hot lead: Deepa Menon, AI score 80',
      'Hot lead: Aarav Gill, AI score 88',
      'Hot lead: Rahul Sharma, AI score 87',
    ]);
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
    expect(await imageNames(page)).toEqual([]);
    await askWorkerOk(extensionPage, 'saveInboxList', { showScores: true, hotLeadThreshold: 70 });
  });
});
