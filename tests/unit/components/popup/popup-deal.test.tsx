// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxItemView, WriteRequest } from '@/lib/shared/messaging/protocol';
import { FEED_PAGE } from '@/lib/worker/outbox/pages';
import { deal, found, RAHUL } from '../../../factories';
import { calls, makeServices, renderPopup, resetBrowser, scriptWorker } from './harness';

beforeEach(resetBrowser);
afterEach(cleanup);

const thread = [{ email: RAHUL.email, name: 'Rahul', role: 'sender' as const }];
const worker = (overrides: Parameters<typeof scriptWorker>[0] = {}, outbox?: OutboxItemView[]) =>
  scriptWorker(
    {
      lookupContacts: () => ({
        ok: true,
        value: { [RAHUL.email]: found(RAHUL) },
      }),
      getContactDetails: () => ({
        ok: true,
        value: {
          contact: RAHUL,
          deals: [
            deal({ id: 'deal_1', title: 'Pilot', value: 650_000, stage: 'proposal' }),
            deal({ id: 'deal_2', title: 'Old', value: 1, stage: 'won' }),
          ],
          activities: null,
          fetchedAt: 0,
        },
      }),
      ...overrides,
    },
    outbox && (() => ({ waiting: outbox, attention: [], paused: null })),
  );

const waitingItem = (id: string, write: WriteRequest): OutboxItemView => ({
  id,
  write,
  state: 'waiting',
  createdAt: Date.parse('2026-03-02T12:00:00Z'),
  attempts: 0,
  summary: id,
});

async function openWithRahul(ask: ReturnType<typeof scriptWorker>) {
  await renderPopup(makeServices(ask, thread));
  await screen.findByRole('option', { name: 'Pilot (Proposal · ₹6,500.00)' });
  fireEvent.input(screen.getByRole('textbox', { name: 'Note' }), {
    target: { value: 'Talked pricing' },
  });
}
const writes = (ask: ReturnType<typeof scriptWorker>) =>
  calls(ask, 'enqueueWrite').map((d) => (d as { write: WriteRequest }).write);

describe('popup deal', () => {
  it('offers the contact’s open deals and marks one won after logging', async () => {
    const ask = worker();
    await openWithRahul(ask);
    expect(screen.queryByRole('option', { name: /Old/ })).toBeNull();
    fireEvent.change(screen.getByLabelText('Deal'), { target: { value: 'deal_1' } });
    fireEvent.change(screen.getByLabelText('Move deal to'), { target: { value: 'won' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log activity' }));
    await screen.findByText('Synced');
    const [log, move] = writes(ask);
    expect(log).toMatchObject({ kind: 'logActivity', body: { deal_id: 'deal_1' } });
    expect(move).toMatchObject({ kind: 'updateDeal', dealId: 'deal_1', body: { stage: 'won' } });
    expect(Number.isNaN(Date.parse((move as { body: { closed_at: string } }).body.closed_at))).toBe(
      false,
    );
  });

  it('offers a deal created offline after a full page of other waiting writes, never to create again', async () => {
    // The published feed holds the oldest writes only; the deal is the newest.
    const others = Array.from({ length: FEED_PAGE }, (_, i) =>
      waitingItem(`item_${i}`, {
        kind: 'logActivity',
        body: { contact_id: `cnt_${i}`, type: 'note' },
      }),
    );
    const created = waitingItem('item_deal', {
      kind: 'createDeal',
      tempId: 'tmp_00000000-0000-4000-8000-000000000001',
      body: { contact_id: RAHUL.id, title: 'Annual plan', value: 650_000 },
    });
    const ask = worker({ listPendingFor: () => ({ ok: true, value: [created] }) }, others);
    await openWithRahul(ask);
    await screen.findByRole('option', { name: /Annual plan/ });
    expect(calls(ask, 'listPendingFor').at(-1)).toEqual({
      contactId: RAHUL.id,
      dealIds: ['deal_1', 'deal_2'],
    });
  });

  it('creates a new deal inline, value in paise, and logs against its temporary id', async () => {
    const ask = worker();
    await openWithRahul(ask);
    fireEvent.change(screen.getByLabelText('Deal'), { target: { value: '__new' } });
    fireEvent.input(screen.getByLabelText('Deal title'), { target: { value: 'Annual plan' } });
    fireEvent.input(screen.getByLabelText('Value (₹)'), { target: { value: '1,500.50' } });
    fireEvent.change(screen.getByLabelText('Deal stage'), { target: { value: 'qualified' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log activity' }));
    await screen.findByText('Synced');
    const [create, log] = writes(ask);
    expect(create).toMatchObject({
      kind: 'createDeal',
      body: { contact_id: RAHUL.id, title: 'Annual plan', value: 150_050, stage: 'qualified' },
    });
    const tempId = (create as { tempId: string }).tempId;
    expect(tempId).toMatch(/^tmp_/);
    expect(log).toMatchObject({ kind: 'logActivity', body: { deal_id: tempId } });
  });

  it.each([
    ['abc', /rupees/],
    ['-5', /negative/],
    ['1e99', /rupees/],
    ['20000000000', /100 crore/],
  ])('refuses the value %j beside the field and sends nothing', async (value, message) => {
    const ask = worker();
    await openWithRahul(ask);
    fireEvent.change(screen.getByLabelText('Deal'), { target: { value: '__new' } });
    fireEvent.input(screen.getByLabelText('Deal title'), { target: { value: 'Annual plan' } });
    fireEvent.input(screen.getByLabelText('Value (₹)'), { target: { value } });
    fireEvent.click(screen.getByRole('button', { name: 'Log activity' }));
    const field = screen.getByLabelText('Value (₹)');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = field.getAttribute('aria-describedby')!.split(' ');
    expect(describedBy.map((id) => document.getElementById(id)?.textContent).join(' ')).toMatch(
      message,
    );
    expect((field as HTMLInputElement).value).toBe(value);
    expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toBe(
      'Talked pricing',
    );
    expect(writes(ask)).toEqual([]);
  });

  it('needs a title for a new deal', async () => {
    const ask = worker();
    await openWithRahul(ask);
    fireEvent.change(screen.getByLabelText('Deal'), { target: { value: '__new' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log activity' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Deal title').getAttribute('aria-invalid')).toBe('true'),
    );
    expect(writes(ask)).toEqual([]);
  });
});
