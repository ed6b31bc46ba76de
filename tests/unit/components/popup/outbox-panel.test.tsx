// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxItemView, OutboxSummary } from '@/lib/shared/messaging/protocol';
import { pickContact } from '@/components/popup/services-type';
import { recentContactsItem } from '@/lib/shared/storage/items';
import { RAHUL } from '../../../factories';
import { calls, makeServices, renderPopup, resetBrowser, scriptWorker } from './harness';

beforeEach(resetBrowser);
afterEach(cleanup);

const stuck: OutboxItemView = {
  id: 'item_9',
  state: 'attention',
  createdAt: 0,
  attempts: 1,
  summary: 'Note with Rahul Sharma',
  lastError: { kind: 'validation', message: 'The note is too long for Vivre.' },
  write: { kind: 'logActivity', body: { contact_id: RAHUL.id, type: 'note', note: 'Too long' } },
};
const waiting: OutboxItemView = {
  ...stuck,
  id: 'item_8',
  state: 'waiting',
  summary: 'Call with Rahul Sharma',
  lastError: { kind: 'offline', message: 'No connection.' },
};

function workerWith(outbox: OutboxSummary) {
  let current = outbox;
  return scriptWorker(
    {
      discardOutboxItem: ({ id }) => {
        current = { ...current, attention: current.attention.filter((i) => i.id !== id) };
        return { ok: true, value: null };
      },
    },
    () => current,
  );
}

describe('outbox panel', () => {
  it('lists waiting and stuck items with the server’s reason', async () => {
    await renderPopup(
      makeServices(workerWith({ waiting: [waiting], attention: [stuck], paused: null })),
    );
    await screen.findByText('Needs attention (1)');
    expect(screen.getByText('Waiting to sync (1)')).toBeTruthy();
    expect(screen.getByText('The note is too long for Vivre.')).toBeTruthy();
    expect(screen.getByText('Will retry: No connection.')).toBeTruthy();
  });

  it('retries a stuck item with its note edited', async () => {
    const ask = workerWith({ waiting: [], attention: [stuck], paused: null });
    await renderPopup(makeServices(ask));
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Note with Rahul Sharma' }));
    const field = screen.getByLabelText('Note for Note with Rahul Sharma');
    fireEvent.input(field, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Retry Note with Rahul Sharma' }));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(calls(ask, 'retryOutboxItem')).toEqual([]);
    fireEvent.input(field, { target: { value: 'Shorter' } });
    fireEvent.click(screen.getByRole('button', { name: 'Retry Note with Rahul Sharma' }));
    await waitFor(() =>
      expect(calls(ask, 'retryOutboxItem')).toEqual([{ id: 'item_9', note: 'Shorter' }]),
    );
  });

  it('discards an item and drops it from the list', async () => {
    const ask = workerWith({ waiting: [], attention: [stuck], paused: null });
    await renderPopup(makeServices(ask));
    fireEvent.click(await screen.findByRole('button', { name: 'Discard Note with Rahul Sharma' }));
    await waitFor(() => expect(screen.queryByText('Needs attention (1)')).toBeNull());
    expect(calls(ask, 'discardOutboxItem')).toEqual([{ id: 'item_9' }]);
  });

  it('names the person, the type and the start of the note, not just “Call logged”', async () => {
    await recentContactsItem.setValue([pickContact(RAHUL)]);
    const note =
      'Spoke for 20 minutes about the annual plan, pricing for 40 seats and the rollout dates';
    const call: OutboxItemView = {
      ...waiting,
      summary: 'Call logged',
      write: { kind: 'logActivity', body: { contact_id: RAHUL.id, type: 'call', note } },
    };
    await renderPopup(makeServices(workerWith({ waiting: [call], attention: [], paused: null })));
    await screen.findByText('Call with Rahul Sharma');
    expect(
      screen.getByText(/^Spoke for 20 minutes about the annual plan, pricing .*…$/),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry Call with Rahul Sharma' })).toBeTruthy();
  });
});
