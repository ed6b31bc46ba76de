/**
 * The card a chip opens, in real Chromium against the sandbox: a call logged from
 * it reaches Vivre once, hostile contact data stays text, the keyboard alone can
 * open and close it, and axe finds nothing serious in it. The card is an extension page in a
 * frame: tests open it by clicking the chip host's box and work in the card's frame.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { RAHUL } from '../factories';
import { REP_ELSEWHERE, type Replacements } from '../fixtures/gmail/variants';
import { describe, expect, test, type GmailPages } from './fixtures';
import {
  cardFrame,
  cardViolations,
  chipNames,
  createSandboxContact,
  focusedName,
  openCardOf,
  outboxIsEmpty,
  waitFor,
  waitForSettledChips,
  waitUntilSynced,
} from './harness';

const THREAD = 'thread-expanded-2025';

/** The thread with every chip settled (Rahul and procurement-team twice, Ananya and Vikram once). */
async function openThread(gmail: GmailPages, replacements: Replacements = []): Promise<Page> {
  const page = await gmail.variant(THREAD, [...REP_ELSEWHERE, ...replacements]);
  await waitForSettledChips(page, 6);
  return page;
}

/** Opens Rahul's card from his first chip. */
function openRahulsCard(page: Page) {
  return openCardOf(page, RAHUL.email);
}

describe('logging from the card', () => {
  test('logs a call that lands in the sandbox exactly once', async ({
    sandbox,
    extensionPage,
    gmail,
  }) => {
    const note = `e2e card call ${randomUUID().slice(0, 8)}`;
    const before = (await sandbox.activitiesOf(RAHUL.id)).length;
    const card = await openRahulsCard(await openThread(gmail));
    await card.getByRole('button', { name: 'Log call with Rahul Sharma' }).click();
    await card.getByRole('textbox', { name: 'Note' }).fill(note);
    await card.getByRole('button', { name: 'Save call' }).click();
    await card.getByText('Synced', { exact: true }).waitFor({ timeout: 30_000 });

    // Once the outbox has nothing left to send, no late retry can add a copy.
    await waitFor(() => outboxIsEmpty(extensionPage), 'an empty outbox');
    const after = await sandbox.activitiesOf(RAHUL.id);
    expect(after).toHaveLength(before + 1);
    expect(after.filter((a) => a.note === note)).toMatchObject([{ type: 'call' }]);
  });

  test('saves a meeting with Ctrl+Enter in the note, once, and asks for a note first', async ({
    sandbox,
    extensionPage,
    gmail,
  }) => {
    const note = `e2e card ctrl-enter ${randomUUID().slice(0, 8)}`;
    const card = await openRahulsCard(await openThread(gmail));
    await card.getByRole('button', { name: 'Log meeting with Rahul Sharma' }).click();
    const textbox = card.getByRole('textbox', { name: 'Note' });
    await textbox.press('Control+Enter');
    // The popup's rule: nothing is sent without a note.
    await card.getByRole('alert').getByText('Write a note about what happened.').waitFor();
    await textbox.fill(note);
    await textbox.press('Control+Enter');
    await card.getByText('Synced', { exact: true }).waitFor({ timeout: 30_000 });
    expect(await waitUntilSynced(extensionPage, sandbox, [note])).toEqual([1]);
    const stored = await sandbox.activitiesOf(RAHUL.id);
    expect(stored.filter((a) => a.note === note)).toMatchObject([{ type: 'meeting' }]);
  });

  test('keeps a call logged while Vivre is down and syncs it once when Vivre is back', async ({
    sandbox,
    extensionPage,
    gmail,
  }) => {
    const note = `e2e card offline call ${randomUUID().slice(0, 8)}`;
    const card = await openRahulsCard(await openThread(gmail));
    await card.getByRole('button', { name: 'Log call with Rahul Sharma' }).waitFor();
    await sandbox.whileDown(async () => {
      await card.getByRole('button', { name: 'Log call with Rahul Sharma' }).click();
      await card.getByRole('textbox', { name: 'Note' }).fill(note);
      await card.getByRole('button', { name: 'Save call' }).click();
      await card.getByText('Saved — will sync', { exact: true }).waitFor();
    });
    expect(await waitUntilSynced(extensionPage, sandbox, [note])).toEqual([1]);
  });
});

describe('untrusted contact data', () => {
  test('shows a contact named like an <img> tag as text and runs none of it', async ({
    sandbox,
    extension,
    gmail,
  }) => {
    const name = '<img src=x onerror=alert(1)>';
    const email = `xss.${randomUUID().slice(0, 8)}@kiran-logistics.example`;
    await createSandboxContact(sandbox, { name, email, company: '<b>Bold</b> Ltd' });
    // Listening from the context catches an alert fired while the page is still loading.
    const dialogs: string[] = [];
    const watchDialogs = (opened: Page) =>
      opened.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
    extension.context.on('page', watchDialogs);
    const page = await openThread(gmail, [['vikram.reddy@bluestone.example', email]]);
    expect(await chipNames(page)).toContainEqual(
      expect.stringContaining(`Vivre: ${name}, AI score`),
    );
    const card = await openCardOf(page, email);
    await expect.poll(() => card.getByRole('heading', { name }).textContent()).toBe(name);
    await expect.poll(() => card.textContent()).toContain('<b>Bold</b> Ltd');
    // Details (deals, activity) rendered too: the whole card has had its chance to run HTML.
    await card.getByText('Loading deals and activity…').waitFor({ state: 'detached' });

    // The card's document holds the name as text and made no element of it.
    const frame = await cardFrame(page);
    expect(await frame.locator('img, b').count()).toBe(0);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    extension.context.off('page', watchDialogs);
  });
});

describe('keyboard and screen readers', () => {
  /** The chip that has focus, by its accessible name; null when focus is elsewhere. */
  async function focusedChip(page: Page) {
    const onChip = await page.evaluate(() => document.activeElement?.localName === 'vivre-chip');
    const name = await focusedName(page);
    return onChip && name?.startsWith('Vivre: ') ? name : null;
  }

  test('reaches a chip with Tab, opens its card with Enter and closes it with Esc', async ({
    gmail,
  }) => {
    const page = await openThread(gmail);
    let chip: string | null = null;
    for (let presses = 0; presses < 80 && !chip; presses++) {
      await page.keyboard.press('Tab');
      chip = await focusedChip(page);
    }
    expect(chip).toMatch(/^Vivre: /);

    await page.keyboard.press('Enter');
    const card = (await cardFrame(page)).getByRole('dialog');
    await expect.poll(() => card.count()).toBe(1);
    // Focus went into the card (its frame is Gmail's focused element), so Esc reaches it.
    await expect
      .poll(() => card.evaluate((dialog) => dialog === document.activeElement))
      .toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
    await expect.poll(() => focusedChip(page)).toBe(chip);
  });

  test('has no serious or critical axe violations with a card open', async ({ gmail }) => {
    const page = await openThread(gmail);
    const card = await openRahulsCard(page);
    await card.getByText('Loading deals and activity…').waitFor({ state: 'detached' });
    // axe runs inside the card's frame (from Gmail's page it cannot reach it, nor the chips'
    // closed roots); the chips are checked as axe's button-name rule would, by their names
    // in the accessibility tree.
    expect(await cardViolations(await cardFrame(page))).toEqual([]);
    expect(await chipNames(page)).toHaveLength(6);
    await card.getByRole('button', { name: 'Close Vivre card' }).click();

    // An unknown person's card holds the add form, prefilled from the address.
    const other = await openCardOf(page, 'procurement-team@bluestone.example');
    await other.getByRole('heading', { name: 'procurement-team' }).waitFor();
    const add = other.getByRole('form', { name: 'Add to Vivre' });
    expect(await add.getByRole('textbox', { name: 'Email' }).inputValue()).toBe(
      'procurement-team@bluestone.example',
    );
    await add.getByRole('textbox', { name: 'Name' }).waitFor();
    await add.getByRole('textbox', { name: 'Company' }).waitFor();
    await add.getByRole('button', { name: 'Add to Vivre' }).waitFor();
    expect(await cardViolations(await cardFrame(page))).toEqual([]);
  });
});
