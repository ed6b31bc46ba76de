/**
 * The card as a rep works it, in real Chromium against the sandbox: opened while Vivre is
 * unreachable it still shows the contact's deals and activity and says how old they are, until
 * Vivre answers again (then it stops, without being reopened); a deal made and moved from it
 * reaches Vivre once, at its new stage; a call's duration and outcome land in the note in the
 * one form both the card and the popup write.
 */
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import type { Deal } from '@/lib/shared/vivre/contract-types';
import { RAHUL } from '../factories';
import { REP_ELSEWHERE } from '../fixtures/gmail/variants';
import { describe, expect, test, type GmailPages } from './fixtures';
import {
  cardViolations,
  cardFrame,
  openCardOf,
  outboxIsEmpty,
  waitFor,
  waitForSettledChips,
  waitUntilSynced,
} from './harness';

const THREAD = 'thread-expanded-2025';
const unique = (label: string) => `e2e card ${label} ${randomUUID().slice(0, 8)}`;

/** The thread with every chip settled (Rahul and procurement-team twice, Ananya and Vikram once). */
async function openThread(gmail: GmailPages): Promise<Page> {
  const page = await gmail.variant(THREAD, REP_ELSEWHERE);
  await waitForSettledChips(page, 6);
  return page;
}

describe('the card while Vivre is unreachable', () => {
  test('shows the deals and activity it last saw, says it is offline and since when, and stops once Vivre is back', async ({
    sandbox,
    gmail,
  }) => {
    const page = await openThread(gmail);
    // Online once: the worker keeps what it fetched about Rahul Sharma.
    const online = await openCardOf(page, RAHUL.email);
    await online
      .getByRole('region', { name: 'Open deals' })
      .getByText('Acme Technologies — Annual plan')
      .waitFor();
    await online.getByRole('button', { name: 'Close Vivre card' }).click();

    let openWhileDown: Locator | undefined;
    await sandbox.whileDown(async () => {
      const card = await openCardOf(page, RAHUL.email);
      openWhileDown = card;
      await card.getByText(/^Offline — cached (just now|\d+ min ago)$/).waitFor();
      expect(await card.getByRole('region', { name: 'Open deals' }).textContent()).toContain(
        'Acme Technologies — Annual plan',
      );
      expect(await card.getByRole('region', { name: 'Recent activity' }).textContent()).toContain(
        'Commercials review with Rahul and finance.',
      );
      expect(await cardViolations(await cardFrame(page))).toEqual([]);
    });

    // Vivre is back and the card is still open: it says so by itself, without being reopened
    // (it asks again every 10 s while it shows a saved copy).
    const card = openWhileDown!;
    await card.getByText(/^Offline/).waitFor({ state: 'detached', timeout: 25_000 });
    expect(await card.getByRole('region', { name: 'Open deals' }).textContent()).toContain(
      'Acme Technologies — Annual plan',
    );
  });
});

describe('deals from the card', () => {
  test('makes a deal and moves its stage: one deal in Vivre, at the new stage', async ({
    sandbox,
    extensionPage,
    gmail,
  }) => {
    const title = unique('deal');
    const page = await openThread(gmail);
    const card = await openCardOf(page, RAHUL.email);
    await card.getByRole('button', { name: 'New deal for Rahul Sharma' }).click();
    const form = card.getByRole('form', { name: 'New deal for Rahul Sharma' });
    // A title is required: nothing is sent without one, and the form says so beside the field.
    await form.getByRole('button', { name: 'Save deal' }).click();
    await form.getByText('Give the deal a title, like “Annual plan — 50 seats”.').waitFor();
    expect(await cardViolations(await cardFrame(page))).toEqual([]);
    await form.getByRole('textbox', { name: 'Deal title' }).fill(title);
    await form.getByRole('textbox', { name: 'Value (₹)' }).fill('1,50,000');
    await form.getByRole('button', { name: 'Save deal' }).click();

    const stage = card.getByRole('combobox', { name: `Stage of ${title}` });
    await stage.selectOption('qualified');
    await card.getByRole('button', { name: `Move ${title} to Qualified` }).click();
    await waitFor(() => outboxIsEmpty(extensionPage), 'an empty outbox');

    const deals = async () =>
      (
        await sandbox.get<{ data: Deal[] }>(`/v1/deals?contact_id=${RAHUL.id}&limit=100`)
      ).data.filter((deal) => deal.title === title);
    await waitFor(
      async () => (await deals())[0]?.stage === 'qualified',
      'the deal at its new stage in Vivre',
    );
    expect(await deals()).toMatchObject([{ title, value: 15_000_000, stage: 'qualified' }]);
    // The card shows it as Vivre has it.
    await expect.poll(() => stage.inputValue()).toBe('qualified');
  });
});

describe('deals from the card while Vivre is down', () => {
  test('shows a deal made and moved offline at once, and Vivre gets it once when back', async ({
    sandbox,
    extensionPage,
    gmail,
  }) => {
    const title = unique('offline deal');
    const card = await openCardOf(await openThread(gmail), RAHUL.email);
    await card.getByRole('button', { name: 'New deal for Rahul Sharma' }).waitFor();
    await sandbox.whileDown(async () => {
      await card.getByRole('button', { name: 'New deal for Rahul Sharma' }).click();
      await card.getByRole('textbox', { name: 'Deal title' }).fill(title);
      await card.getByRole('button', { name: 'Save deal' }).click();
      await card.getByText('Saved — will sync', { exact: true }).waitFor();
      // Shown at once under its temporary id; moved before Vivre has even seen it.
      await card.getByRole('combobox', { name: `Stage of ${title}` }).selectOption('proposal');
      await card.getByRole('button', { name: `Move ${title} to Proposal` }).click();
      await expect
        .poll(() => card.getByRole('combobox', { name: `Stage of ${title}` }).inputValue())
        .toBe('proposal');
      await card.getByRole('button', { name: `Move ${title} to Proposal` }).waitFor({
        state: 'detached',
      });
    });

    await waitFor(() => outboxIsEmpty(extensionPage), 'the outbox to deliver both writes', {
      timeoutMs: 60_000,
      intervalMs: 250,
    });
    const { data } = await sandbox.get<{ data: Deal[] }>(
      `/v1/deals?contact_id=${RAHUL.id}&limit=100`,
    );
    expect(data.filter((deal) => deal.title === title)).toMatchObject([{ stage: 'proposal' }]);
  });
});

describe('a call logged from the card', () => {
  test('lands once with its duration and outcome written into the note', async ({
    sandbox,
    extensionPage,
    gmail,
  }) => {
    const words = unique('call');
    const page = await openThread(gmail);
    const card = await openCardOf(page, RAHUL.email);
    await card.getByRole('button', { name: 'Log call with Rahul Sharma' }).click();
    await card.getByRole('textbox', { name: 'Duration (min)' }).fill('12');
    await card.getByRole('combobox', { name: 'Outcome' }).selectOption('Connected');
    expect(await cardViolations(await cardFrame(page))).toEqual([]);
    await card.getByRole('textbox', { name: 'Note' }).fill(words);
    await card.getByRole('button', { name: 'Save call' }).click();
    await card.getByText('Synced', { exact: true }).waitFor({ timeout: 30_000 });

    const note = `Call: Connected, 12 min\n\n${words}`;
    expect(await waitUntilSynced(extensionPage, sandbox, [note])).toEqual([1]);
    expect((await sandbox.activitiesOf(RAHUL.id)).filter((a) => a.note === note)).toMatchObject([
      { type: 'call' },
    ]);
  });
});
