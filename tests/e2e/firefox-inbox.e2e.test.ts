/**
 * Score chips in Gmail's inbox list in real Firefox ESR (puppeteer-core over WebDriver BiDi),
 * on the same real markup as inbox-chips.e2e.test.ts (tests/fixtures/gmail/inbox-2019.html,
 * provenance in its comment), against the sandbox: one chip per external person per row, none
 * for the rep, colleagues or the hidden summaries, and the hot-lead mark on hot leads' rows.
 * The chips draw in closed roots, and their hosts in Gmail's rows carry only the person's
 * address (what the row shows): what each chip and mark shows is read from the screen.
 */
import type { Page } from 'puppeteer-core';
import { INBOX_2019_ROW_CHIPS } from '../fixtures/gmail/inbox-2019-chips';
import { describe, expect, test } from './fixtures';
import { VISIBLE_ROW_CHIP_EMAILS, waitFor } from './harness';
import { openFirefoxFixture } from './harness/firefox';
import { drawnHosts } from './harness/firefox-rows';

const INBOX = 'inbox-2019';
/** Everyone the fixture's rows chip but Kabir Ahuja, whom Vivre does not know, has a score. */
const SCORED = INBOX_2019_ROW_CHIPS.flat().filter((email) => !email.startsWith('kabir.'));

describe('score chips in the inbox list, in Firefox', () => {
  test('one chip per external person per row, with its score; hot leads marked', async ({
    firefox,
  }) => {
    const page: Page = await openFirefoxFixture(firefox, INBOX);
    try {
      await page.setViewport({ width: 1400, height: 900 });
      await waitFor(
        async () =>
          (await drawnHosts(page, 'vivre-row-chip')).filter((chip) => chip.drawn).length ===
          SCORED.length,
        'every scored row chip drawn',
      );
      expect(await page.evaluate(VISIBLE_ROW_CHIP_EMAILS)).toEqual(INBOX_2019_ROW_CHIPS);
      // Nothing in the hidden summaries (.afn), nothing for a colleague.
      expect(
        await page.evaluate(
          () =>
            document.querySelectorAll(
              '.afn [data-vivre-host], [data-vivre-email="vikram.reddy@bluestone.example"]',
            ).length,
        ),
      ).toBe(0);
      // A score for each contact; nothing drawn for Kabir, who is not in Vivre.
      const chips = await drawnHosts(page, 'vivre-row-chip');
      expect(chips.filter((chip) => chip.drawn).map((chip) => chip.email)).toEqual(SCORED);

      // A mark in every row with a chip; drawn in the rows of hot leads only.
      await waitFor(
        async () => (await drawnHosts(page, 'vivre-hot-lead')).filter((m) => m.drawn).length === 4,
        'four hot-lead marks drawn',
      );
      const markedRows = await page.evaluate(() =>
        [...document.querySelectorAll('tr.zA')]
          .map((row, index) => (row.querySelector('vivre-hot-lead') ? index + 1 : 0))
          .filter(Boolean),
      );
      const drawn = (await drawnHosts(page, 'vivre-hot-lead')).map((mark) => mark.drawn);
      expect(markedRows.filter((_, i) => drawn[i])).toEqual([1, 5, 6, 7]);
    } finally {
      await page.close();
    }
  });
});
