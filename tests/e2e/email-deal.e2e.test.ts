/**
 * A logged email tied to a deal, in real Chromium against the sandbox: "Log this email" on a
 * message from a contact with one open deal ties it there unless the rep says otherwise, and in
 * a compose to a contact with several open deals the rep picks one (none is guessed).
 */
import { randomUUID } from 'node:crypto';
import type { Activity, Deal } from '@/lib/shared/vivre/contract-types';
import { RAHUL, SNEHA } from '../factories';
import { describe, expect, test } from './fixtures';
import { DEMO_KEYS, settledOutboxFeed, waitFor, type TestSandbox } from './harness';
import {
  chooseOption,
  clickControl,
  hoverControl,
  repControl,
  repStatus,
} from './harness/rep-controls';

/** Rahul Sharma's one open deal in the seed. */
const RAHUL_DEAL = 'dl_4420';

async function createDeal(sandbox: TestSandbox, contactId: string, title: string): Promise<Deal> {
  const response = await fetch(`${sandbox.baseUrl}/deals`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${DEMO_KEYS.admin}`,
      'X-Workspace-ID': 'ws_demo',
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ contact_id: contactId, title, value: 100_000, stage: 'qualified' }),
  });
  if (!response.ok) throw new Error(`POST /v1/deals → ${response.status}`);
  return (await response.json()) as Deal;
}

/** The contact's email activity whose note starts with `subject`, once it has reached Vivre. */
async function loggedEmail(sandbox: TestSandbox, contactId: string, subject: string) {
  return waitFor(
    async () =>
      (await sandbox.activitiesOf(contactId)).find(
        (a: Activity) => a.type === 'email' && a.note?.startsWith(subject),
      ),
    `the email "${subject}" on ${contactId}`,
    { timeoutMs: 60_000, intervalMs: 250 },
  );
}

describe('deal on a logged email', () => {
  test('"Log this email" ties the message to the sender’s only open deal', async ({
    sandbox,
    gmail,
  }) => {
    const { title } = await sandbox.get<Deal>(`/v1/deals/${RAHUL_DEAL}`);
    const page = await gmail.open('thread-expanded-2025');
    const first = 'vivre-log-email[data-vivre-message-id="#msg-f:1840959905192440233"]';
    const button = await repControl(page, first, { role: 'button', name: 'Log this email' });
    // The rep comes to the button: that is when its Deal menu is read.
    await hoverControl(page, button);
    const deal = await repControl(page, first, { role: 'combobox', name: 'Deal' });
    expect(deal.value).toBe(title);
    await clickControl(page, await repControl(page, first, { role: 'button', name: /^Log/ }));
    await expect.poll(() => repStatus(page, first)).toMatch(/^Logged ✓ /);

    const email = await loggedEmail(sandbox, RAHUL.id, 'PO-4471');
    expect(email.deal_id).toBe(RAHUL_DEAL);
  });

  test('in a compose to a contact with two open deals, starts on none and logs the one picked', async ({
    sandbox,
    extensionPage,
    gmail,
  }) => {
    const pilot = await createDeal(sandbox, SNEHA.id, 'Acme — Pilot');
    const rollout = await createDeal(sandbox, SNEHA.id, 'Acme — Multi-branch rollout');
    // Deepa (Cc) becomes a colleague, so the email is logged for Sneha alone.
    const page = await gmail.variant('compose-send', [
      ['kiran-logistics.example', 'seller.example'],
    ]);
    const subject = `E2E deal ${randomUUID().slice(0, 8)}`;
    await page.locator('input[name=subjectbox]').fill(subject);
    const host = 'vivre-email-log';
    await clickControl(page, await repControl(page, host, { role: 'checkbox' }));
    const deal = await repControl(page, host, { role: 'combobox', name: 'Deal' });
    const [none, ...offered] = deal.options;
    expect(none).toBe('No deal');
    expect(offered.sort()).toEqual([pilot.title, rollout.title].sort());
    expect(deal.value).toBe('No deal');
    await chooseOption(page, deal, rollout.title);
    await expect
      .poll(async () => (await repControl(page, host, { role: 'combobox' })).value)
      .toBe(rollout.title);
    await page.getByRole('button', { name: /^Send/ }).click();

    const email = await loggedEmail(sandbox, SNEHA.id, subject);
    expect(email.deal_id).toBe(rollout.id);
    const outbox = await settledOutboxFeed(extensionPage);
    expect(outbox?.attention ?? []).toEqual([]);
  });
});
