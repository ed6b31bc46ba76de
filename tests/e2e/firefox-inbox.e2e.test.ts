/**
 * Score chips in Gmail's inbox list in real Firefox ESR (puppeteer-core over WebDriver BiDi),
 * on the same real markup as inbox-chips.e2e.test.ts (tests/fixtures/gmail/inbox-2019.html,
 * provenance in its comment), against the sandbox: one chip per external person per row, none
 * for the rep, colleagues or the hidden summaries, and the hot-lead mark on hot leads' rows.
 * The chips draw in closed roots; their hosts in Gmail's rows carry the person's email, the
 * answer's state and the accessible name a screen reader reads, which is what this reads.
 */
import type { Page } from 'puppeteer-core';
import { INBOX_2019_CHIP_COUNT, INBOX_2019_ROW_CHIPS } from '../fixtures/gmail/inbox-2019-chips';
import { describe, expect, test } from './fixtures';
import { SETTLED_ROW_CHIP_COUNT, VISIBLE_ROW_CHIP_EMAILS, waitFor } from './harness';
import { openFirefoxFixture } from './harness/firefox';

const INBOX = 'inbox-2019';

/** Once every row chip has its answer: each visible row's chip addresses, in order. */
async function settledRowChips(page: Page): Promise<string[][]> {
  await waitFor(
    async () => ((await page.evaluate(SETTLED_ROW_CHIP_COUNT)) as number) >= INBOX_2019_CHIP_COUNT,
    'every row chip settled',
  );
  return (await page.evaluate(VISIBLE_ROW_CHIP_EMAILS)) as string[][];
}

/** The accessible names of `selector`'s hosts, in page order. */
function labels(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    (s) => [...document.querySelectorAll(s)].map((host) => host.getAttribute('aria-label') ?? ''),
    selector,
  );
}

describe('score chips in the inbox list, in Firefox', () => {
  test('one chip per external person per row, with its score; hot leads marked', async ({
    firefox,
  }) => {
    const page = await openFirefoxFixture(firefox, INBOX);
    try {
      expect(await settledRowChips(page)).toEqual(INBOX_2019_ROW_CHIPS);
      // Nothing in the hidden summaries (.afn), nothing for a colleague.
      expect(
        await page.evaluate(
          () =>
            document.querySelectorAll(
              '.afn [data-vivre-host], [data-vivre-email="vikram.reddy@bluestone.example"]',
            ).length,
        ),
      ).toBe(0);

      const chips = await labels(page, 'vivre-row-chip');
      expect(chips).toContain('Vivre: Rahul Sharma, AI score 87, hot lead');
      expect(chips).toContain('Vivre: Radhika Desai, AI score 53, warm lead');
      expect(chips).toContain('Vivre: Kabir Ahuja is not in Vivre');

      await waitFor(async () => (await labels(page, 'vivre-hot-lead')).length === 4, 'four marks');
      expect(await labels(page, 'vivre-hot-lead')).toContain('Hot lead: Aarav Gill, AI score 88');
      const markedRows = await page.evaluate(() =>
        [...document.querySelectorAll('tr.zA')]
          .map((row, index) => (row.querySelector('vivre-hot-lead') ? index + 1 : 0))
          .filter(Boolean),
      );
      expect(markedRows).toEqual([1, 5, 6, 7]);
    } finally {
      await page.close();
    }
  });
});
