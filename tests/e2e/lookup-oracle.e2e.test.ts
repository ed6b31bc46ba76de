/**
 * Gmail's page script tries to use our list-row chips as a lookup service, in real Chromium: it
 * adds inbox rows of its own (real 2019 row markup, tests/fixtures/gmail/inbox-2019.html), one
 * for a contact Vivre knows and one for an address it does not, and reads everything it can
 * reach: the rows' text, every attribute, our hosts (attributes, text, root, size) and what
 * `window.find()` matches and selecting the page or the row gives. It learns neither the contact's name in Vivre nor their score, and
 * the two rows read the same; the rep's chip, read as a screen reader reads it, has both.
 */
import { BAND_WORDS, scoreBand } from '@/lib/shared/score-band';
import { INBOX_2019_CHIP_COUNT } from '../fixtures/gmail/inbox-2019-chips';
import { describe, expect, test } from './fixtures';
import { settledRowChipNames, waitForSettledRowChips } from './harness';
import { appendFakeRow } from './harness/page-script';
import { contactAndStranger, expectRowsTellNothing } from './harness/row-probe';

describe("Gmail's page script and the list-row chips", () => {
  test('learns nothing Vivre knows from a row it adds, while the rep sees the score', async ({
    sandbox,
    gmail,
  }) => {
    const { contact, stranger } = await contactAndStranger(sandbox);
    const page = await gmail.open('inbox-2019');
    await waitForSettledRowChips(page, INBOX_2019_CHIP_COUNT);

    // Each row shows only the address, as page script can make any row show anything.
    await page.evaluate(appendFakeRow, {
      email: contact.email,
      shown: contact.email,
      marker: 'known',
    });
    await page.evaluate(appendFakeRow, { email: stranger, shown: stranger, marker: 'stranger' });

    // The control: the rep's chips have their answers, the contact's with Vivre's name and score.
    const band = BAND_WORDS[scoreBand(contact.ai_score)].toLowerCase();
    const named = `Vivre: ${contact.name}, AI score ${contact.ai_score}, ${band}`;
    await expect.poll(() => settledRowChipNames(page), { timeout: 30_000 }).toContain(named);
    await expect
      .poll(() => settledRowChipNames(page))
      .toContain(`Vivre: ${stranger} is not in Vivre`);

    await expectRowsTellNothing(page, contact, stranger);
  });
});
