/**
 * The popup as a rep meets it after Alt+Shift+V, in real Chromium against the sandbox: typing
 * goes straight into Contact, "Deepa M" means Deepa Menon (not Deepak Banerjee, whose address
 * merely contains an "m"), the Deal menu keeps a contact's deals while Vivre is unreachable,
 * and what it says about syncing follows the worker while it stays open.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, test } from './fixtures';
import { openExtensionPage, storedCopies, waitFor } from './harness';

const unique = (label: string) => `e2e popup-ready ${label} ${randomUUID().slice(0, 8)}`;

const contactBox = (popup: Page) => popup.getByRole('combobox', { name: 'Contact' });

/** The Deal menu's choices, as the rep reads them. */
async function dealChoices(popup: Page): Promise<string[]> {
  return popup.getByLabel('Deal', { exact: true }).locator('option').allTextContents();
}

describe('popup, ready before the rep is', () => {
  test('takes typing in Contact the moment it opens, and ranks "Deepa M" as Deepa Menon', async ({
    extension,
  }) => {
    const popup = await openExtensionPage(extension, 'popup.html');
    await contactBox(popup).waitFor();
    // No click first: the keys go wherever the popup put focus.
    await popup.keyboard.type('Deepa M');
    expect(await contactBox(popup).inputValue()).toBe('Deepa M');

    await popup.getByRole('option', { name: /Deepak Banerjee/ }).waitFor();
    const first = popup.getByRole('option').first();
    expect(await first.textContent()).toMatch(
      /^Deepa Menon deepa\.menon@kiran-logistics\.example · Kiran Logistics$/,
    );
    // Enter takes the first: the call goes to the person the rep meant.
    await popup.keyboard.press('Enter');
    expect(await contactBox(popup).inputValue()).toBe('Deepa Menon');
    await popup.close();
  });

  test('keeps the contact’s deals in the Deal menu while Vivre is unreachable', async ({
    sandbox,
    extension,
  }) => {
    // Online once: the worker keeps what it fetched about Rahul Sharma.
    const online = await openExtensionPage(extension, 'popup.html');
    await contactBox(online).fill('Rahul');
    await online.getByRole('option', { name: /Rahul Sharma/ }).click();
    await waitFor(
      async () => (await dealChoices(online)).some((text) => text.includes('Annual plan')),
      'Rahul Sharma’s open deal in the Deal menu',
    );
    await online.close();

    await sandbox.whileDown(async () => {
      const popup = await openExtensionPage(extension, 'popup.html');
      // Offline, search answers from the contacts this browser has seen.
      await contactBox(popup).fill('Rahul');
      await popup.getByRole('option', { name: /Rahul Sharma/ }).click();
      await waitFor(
        async () => (await dealChoices(popup)).some((text) => text.includes('Annual plan')),
        'the cached deal while Vivre is down',
      );
      expect(await dealChoices(popup)).toEqual([
        'No deal',
        expect.stringMatching(/^Acme Technologies — Annual plan \(Proposal/),
        'New deal…',
      ]);
      await popup.close();
    });
  });

  test('says Synced, not "Waiting to sync", once Vivre is back, without being reopened', async ({
    sandbox,
    extension,
  }) => {
    const note = unique('reconnect');
    const popup = await openExtensionPage(extension, 'popup.html');
    await sandbox.whileDown(async () => {
      await contactBox(popup).fill('Rahul');
      await popup.getByRole('option', { name: /Rahul Sharma/ }).click();
      await popup.getByRole('radio', { name: 'Note' }).check();
      await popup.getByRole('textbox', { name: 'Note' }).fill(note);
      await popup.getByRole('button', { name: 'Log activity', disabled: false }).click();
      await popup.getByText(/Waiting to sync \(1\)/).waitFor();
      await popup
        .getByRole('alert')
        .filter({ hasText: /You’re offline/ })
        .waitFor();
    });

    // The worker delivers on its own retry; the open popup must notice without being asked.
    await popup.getByText('Synced', { exact: true }).waitFor({ timeout: 30_000 });
    expect(await storedCopies(sandbox, [note])).toEqual([1]);
    await waitFor(
      async () =>
        (await popup.getByText(/Waiting to sync/).count()) === 0 &&
        (await popup.getByRole('alert').count()) === 0,
      'the outbox and the offline banner to clear',
    );
    expect(await popup.getByText('Saved — will sync').count()).toBe(0);
    await popup.close();
  });
});
