/**
 * The rep's path, in real Chromium against the sandbox: log a call with a new deal from the
 * popup, keep logging while Vivre is unreachable, be told when Gmail shows a view Vivre cannot
 * read, and meet a read-only key with logging turned off and the reason why. (Connecting through
 * the options page: options.e2e.test.ts.)
 */
import { randomUUID } from 'node:crypto';
import type { Activity, Deal } from '@/lib/shared/vivre/contract-types';
import { RAHUL } from '../factories';
import { GMAIL_REDESIGNED } from '../fixtures/gmail/variants';
import { describe, expect, test } from './fixtures';
import {
  configureExtension,
  DEMO_KEYS,
  openExtensionPage,
  seriousViolations,
  waitUntilSynced,
  waitFor,
} from './harness';

const unique = (label: string) => `e2e popup ${label} ${randomUUID().slice(0, 8)}`;

describe('popup', () => {
  test('logs a call with a new deal, both in the sandbox', async ({ sandbox, extension }) => {
    const note = unique('call');
    const popup = await openExtensionPage(extension, 'popup.html');
    await popup.getByRole('combobox', { name: 'Contact' }).fill('Rahul');
    await popup.getByRole('option', { name: /Rahul Sharma/ }).click();
    expect(await popup.getByRole('radio', { name: 'Call' }).isChecked()).toBe(true);
    await popup.getByRole('textbox', { name: 'Note' }).fill(note);
    await popup.getByLabel('Deal', { exact: true }).selectOption({ label: 'New deal…' });
    await popup.getByLabel('Deal title').fill('Annual plan — popup E2E');
    await popup.getByLabel('Value (₹)').fill('1,500.50');
    await popup.getByLabel('Deal stage').selectOption('proposal');
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.getByRole('button', { name: 'Log activity' }).click();
    await popup.getByText('Synced', { exact: true }).waitFor({ timeout: 15_000 });

    const activity = (await sandbox.activitiesOf(RAHUL.id)).find((a: Activity) => a.note === note);
    expect(activity).toMatchObject({ type: 'call' });
    expect(activity?.deal_id).toMatch(/\S/);
    const deal = await sandbox.get<Deal>(`/v1/deals/${activity!.deal_id}`);
    expect(deal).toMatchObject({
      contact_id: RAHUL.id,
      title: 'Annual plan — popup E2E',
      value: 150_050,
      stage: 'proposal',
    });
    await popup.close();
  });

  test('preselects the sender of the Gmail thread in the active tab', async ({
    extension,
    gmail,
  }) => {
    const thread = await gmail.open('thread-expanded-2025');
    const popup = await openExtensionPage(extension, 'popup.html');
    // The popup asks for the active tab of its window: make it the Gmail one, then reopen.
    await thread.bringToFront();
    await popup.reload();
    const contact = popup.getByRole('combobox', { name: 'Contact' });
    await waitFor(
      async () => (await contact.inputValue()) === 'Rahul Sharma',
      'Rahul Sharma, the first sender, to be preselected',
    );
    await popup.close();
  });

  test('says when it cannot read the Gmail view, and offers the subject from the title', async ({
    extension,
    gmail,
  }) => {
    // A thread (by its address) whose markup Gmail has changed beyond what Vivre reads.
    const thread = await gmail.variant(
      'thread-expanded-2025',
      GMAIL_REDESIGNED,
      '#inbox/FMfcgzQbgRnTzTkLmWQbvhxZPTnRbXvC',
    );
    const popup = await openExtensionPage(extension, 'popup.html');
    await thread.bringToFront();
    await popup.reload();
    await popup
      .getByText("Vivre can't read this Gmail view — logging from here still works.")
      .waitFor();
    await popup
      .getByRole('button', {
        name: 'Add the subject to the note: PO-4471 – revised delivery schedule',
      })
      .click();
    expect(await popup.getByRole('textbox', { name: 'Note' }).inputValue()).toBe(
      'PO-4471 – revised delivery schedule',
    );
    expect(await popup.getByRole('button', { name: 'Log activity' }).isDisabled()).toBe(false);
    await popup.close();
  });

  test('keeps a note logged while Vivre is down and syncs it once when it is back', async ({
    sandbox,
    extension,
  }) => {
    const note = unique('offline');
    await sandbox.whileDown(async () => {
      const popup = await openExtensionPage(extension, 'popup.html');
      // Search needs Vivre; the contact just logged is offered from recent contacts.
      await popup.getByRole('combobox', { name: 'Contact' }).focus();
      await popup.getByRole('option', { name: /Rahul Sharma/ }).click();
      await popup.getByRole('radio', { name: 'Note' }).check();
      await popup.getByRole('textbox', { name: 'Note' }).fill(note);
      // Ctrl+Enter sends once the worker has said logging is allowed.
      await popup.getByRole('button', { name: 'Log activity', disabled: false }).waitFor();
      await popup.getByRole('textbox', { name: 'Note' }).press('Control+Enter');
      await popup.getByText('Saved — will sync', { exact: true }).waitFor();
      await popup.getByText(/Waiting to sync \(1\)/).waitFor();
      await popup.close();
    });
    const popup = await openExtensionPage(extension, 'popup.html');
    expect(await waitUntilSynced(popup, sandbox, [note])).toEqual([1]);
    await popup.close();
  });

  test('turns logging off for a read-only key and says why', async ({ sandbox, extension }) => {
    await configureExtension(extension, {
      apiKey: DEMO_KEYS.read,
      workspaceId: 'ws_demo',
      baseUrl: sandbox.baseUrl,
    });
    const popup = await openExtensionPage(extension, 'popup.html');
    await popup
      .getByRole('alert')
      .filter({ hasText: /read-only, so logging is off/ })
      .waitFor();
    expect(await popup.getByRole('button', { name: 'Log activity' }).isDisabled()).toBe(true);
    await popup.close();
  });
});
