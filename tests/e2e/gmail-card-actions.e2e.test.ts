/**
 * The card a chip opens, in real Chromium against the sandbox: a call logged from
 * it reaches Vivre once, hostile contact data stays text, the keyboard alone can
 * open and close it, and axe finds nothing serious in it.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  askWorkerOk,
  connectToSandbox,
  createSandboxContact,
  fixtureVariant,
  launchExtension,
  openExtensionPage,
  openGmailHtml,
  SEEDED_CONTACT,
  startTestSandbox,
  waitFor,
  waitForSettledChips,
  waitUntilSynced,
  type ExtensionBrowser,
  type TestSandbox,
} from './harness';

let sandbox: TestSandbox;
let browser: ExtensionBrowser;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  browser = await launchExtension();
  await connectToSandbox(browser, sandbox);
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

const THREAD = 'thread-expanded-2025';
/** In the fixture the rep works at bluestone.example; here at another company, so nobody is a colleague. */
const OUTSIDER: [string, string] = [
  'meenakshi.rao@bluestone.example',
  'meenakshi.rao@vivre-demo.example',
];

/** The thread with every chip settled (Rahul and procurement-team twice, Ananya and Vikram once). */
async function openThread(replacements: [string, string][] = []): Promise<Page> {
  const page = await openGmailHtml(browser, fixtureVariant(THREAD, [OUTSIDER, ...replacements]));
  await waitForSettledChips(page, 6);
  return page;
}

/** Serious and critical problems axe finds in our hosts (chips and open cards) only. */
async function seriousViolationsInChips(page: Page): Promise<string[]> {
  // axe follows open shadow roots, so the chips' buttons and the card's form are checked.
  const { violations } = await new AxeBuilder({ page }).include('vivre-chip').analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

describe('logging from the card', () => {
  it('logs a call that lands in the sandbox exactly once', async () => {
    const note = `e2e card call ${randomUUID().slice(0, 8)}`;
    const before = (await sandbox.activitiesOf(SEEDED_CONTACT)).length;
    const page = await openThread();
    await page
      .getByRole('button', { name: /^Vivre: Rahul Sharma,/ })
      .first()
      .click();
    const card = page.getByRole('dialog', { name: 'Rahul Sharma' });
    await card.getByRole('button', { name: 'Log call with Rahul Sharma' }).click();
    await card.getByRole('textbox', { name: 'Note' }).fill(note);
    await card.getByRole('button', { name: 'Save call' }).click();
    await card.getByText('Synced', { exact: true }).waitFor({ timeout: 30_000 });

    // Once the outbox has nothing left to send, no late retry can add a copy.
    const options = await openExtensionPage(browser);
    await waitFor(async () => {
      const outbox = await askWorkerOk(options, 'getOutbox');
      return outbox.waiting.length === 0 && outbox.attention.length === 0;
    }, 'an empty outbox');
    const after = await sandbox.activitiesOf(SEEDED_CONTACT);
    expect(after).toHaveLength(before + 1);
    expect(after.filter((a) => a.note === note)).toMatchObject([{ type: 'call' }]);
    await options.close();
    await page.close();
  });
  it('keeps a call logged while Vivre is down and syncs it once when Vivre is back', async () => {
    const note = `e2e card offline call ${randomUUID().slice(0, 8)}`;
    const page = await openThread();
    await page
      .getByRole('button', { name: /^Vivre: Rahul Sharma,/ })
      .first()
      .click();
    const card = page.getByRole('dialog', { name: 'Rahul Sharma' });
    await card.getByRole('button', { name: 'Log call with Rahul Sharma' }).waitFor();
    const port = sandbox.port;
    await sandbox.close();
    try {
      await card.getByRole('button', { name: 'Log call with Rahul Sharma' }).click();
      await card.getByRole('textbox', { name: 'Note' }).fill(note);
      await card.getByRole('button', { name: 'Save call' }).click();
      await card.getByText('Saved — will sync', { exact: true }).waitFor();
    } finally {
      sandbox = await startTestSandbox({ port });
    }
    const options = await openExtensionPage(browser);
    expect(await waitUntilSynced(options, sandbox, [note])).toEqual([1]);
    await options.close();
    await page.close();
  });
});

describe('untrusted contact data', () => {
  it('shows a contact named like an <img> tag as text and runs none of it', async () => {
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
    browser.context.on('page', watchDialogs);
    const page = await openGmailHtml(
      browser,
      fixtureVariant(THREAD, [OUTSIDER, ['vikram.reddy@bluestone.example', email]]),
    );
    await waitForSettledChips(page, 6);
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
    browser.context.off('page', watchDialogs);
    await page.close();
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

  it('reaches a chip with Tab, opens its card with Enter and closes it with Esc', async () => {
    const page = await openThread();
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
    await page.close();
  });

  it('has no serious or critical axe violations with a card open', async () => {
    const page = await openThread();
    await page
      .getByRole('button', { name: /^Vivre: Rahul Sharma,/ })
      .first()
      .click();
    const card = page.getByRole('dialog', { name: 'Rahul Sharma' });
    await card.getByText('Loading deals and activity…').waitFor({ state: 'detached' });
    expect(await seriousViolationsInChips(page)).toEqual([]);
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
    expect(await seriousViolationsInChips(page)).toEqual([]);
    await page.close();
  });
});
