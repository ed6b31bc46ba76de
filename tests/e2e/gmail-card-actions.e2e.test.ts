/**
 * The card a chip opens, in real Chromium against the sandbox: a call logged from
 * it reaches Vivre once, hostile contact data stays text, the keyboard alone can
 * open and close it, and axe finds nothing serious in it.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { RAHUL } from '../factories';
import { REP_ELSEWHERE, type Replacements } from '../fixtures/gmail/variants';
import { describe, expect, test, type GmailPages } from './fixtures';
import {
  createSandboxContact,
  outboxIsEmpty,
  seriousViolations,
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
async function openRahulsCard(page: Page) {
  await page
    .getByRole('button', { name: /^Vivre: Rahul Sharma,/ })
    .first()
    .click();
  return page.getByRole('dialog', { name: 'Rahul Sharma' });
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
    await page.getByRole('button', { name: `Vivre: ${name}, AI score`, exact: false }).click();
    const card = page.getByRole('dialog', { name });
    await expect.poll(() => card.textContent()).toContain(name);
    await expect.poll(() => card.textContent()).toContain('<b>Bold</b> Ltd');
    // Details (deals, activity) rendered too: the whole card has had its chance to run HTML.
    await card.getByText('Loading deals and activity…').waitFor({ state: 'detached' });

    const htmlInShadows = await page.evaluate(() =>
      [...document.querySelectorAll('[data-vivre-host]')].map(
        (host) => host.shadowRoot?.querySelectorAll('img, b').length ?? 0,
      ),
    );
    // Every host of ours: the 6 chips and the per-message "Log this email" controls.
    expect(htmlInShadows.length).toBeGreaterThanOrEqual(6);
    expect(htmlInShadows).toEqual(htmlInShadows.map(() => 0));
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    extension.context.off('page', watchDialogs);
  });
});

describe('keyboard and screen readers', () => {
  /** The chip button that has focus, through the host's shadow root; null when none has. */
  function focusedChip(page: Page) {
    return page.evaluate(() => {
      const host = document.activeElement;
      const inner = host?.shadowRoot?.activeElement;
      if (!host?.hasAttribute('data-vivre-host') || inner?.tagName !== 'BUTTON') return null;
      return inner.getAttribute('aria-label');
    });
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
    const card = page.getByRole('dialog');
    await expect.poll(() => card.count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);
    expect(await focusedChip(page)).toBe(chip);
  });

  test('has no serious or critical axe violations with a card open', async ({ gmail }) => {
    const page = await openThread(gmail);
    const card = await openRahulsCard(page);
    await card.getByText('Loading deals and activity…').waitFor({ state: 'detached' });
    // axe follows open shadow roots, so the chips' buttons and the card's form are checked.
    expect(await seriousViolations(page, 'vivre-chip')).toEqual([]);
    await card.getByRole('button', { name: 'Close Vivre card' }).click();

    // An unknown person's card holds the add form, prefilled from the address.
    await page
      .getByRole('button', { name: 'Vivre: procurement-team is not in Vivre' })
      .first()
      .click();
    const add = page.getByRole('dialog', { name: 'procurement-team' }).getByRole('form', {
      name: 'Add to Vivre',
    });
    expect(await add.getByRole('textbox', { name: 'Email' }).inputValue()).toBe(
      'procurement-team@bluestone.example',
    );
    await add.getByRole('textbox', { name: 'Name' }).waitFor();
    await add.getByRole('textbox', { name: 'Company' }).waitFor();
    await add.getByRole('button', { name: 'Add to Vivre' }).waitFor();
    expect(await seriousViolations(page, 'vivre-chip')).toEqual([]);
  });
});
