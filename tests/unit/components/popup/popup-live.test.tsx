// @vitest-environment happy-dom
/**
 * The popup is ready before the rep is, and stays true while open: focus in Contact, the
 * connection and outbox followed live, the last log's line gone once a new one begins, and the
 * contact's deals kept offline (from the worker's copy, or from the outbox itself).
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxItemView } from '@/lib/shared/messaging/protocol';
import { connectionItem, popupDraftItem } from '@/lib/shared/storage/items';
import { type ConnectionRecord } from '@/lib/shared/storage/table';
import { deal, EMPTY_OUTBOX, found, RAHUL } from '../../../factories';
import { calls, makeServices, renderPopup, resetBrowser, scriptWorker } from './harness';

beforeEach(resetBrowser);
afterEach(cleanup);

const ME = {
  workspace: { id: 'ws_demo', name: 'Demo' },
  key: { prefix: 'vv_test_demo', permissions: ['read', 'write'] as const },
};
const record = (state: ConnectionRecord['state']): ConnectionRecord => ({
  state,
  me: { ...ME, key: { ...ME.key, permissions: [...ME.key.permissions] } },
});
const thread = [{ email: RAHUL.email, name: 'Rahul', role: 'sender' as const }];
const withRahul = {
  lookupContacts: () => ({ ok: true as const, value: { [RAHUL.email]: found(RAHUL) } }),
};
const noteBox = () => screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;

describe('popup, ready and live', () => {
  it('opens with the focus in Contact, so typing searches at once', async () => {
    await renderPopup(makeServices(scriptWorker()));
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Contact' }));
  });

  it('reopens a half-written note with the focus at its end', async () => {
    await popupDraftItem.setValue({ contact: null, type: 'call', note: 'Half a thought' });
    await renderPopup(makeServices(scriptWorker()));
    expect(document.activeElement).toBe(noteBox());
    expect(noteBox().selectionStart).toBe('Half a thought'.length);
  });

  it('follows the connection while open: offline, a try on demand, then back', async () => {
    const waiting: OutboxItemView = {
      id: 'item_1',
      state: 'waiting',
      createdAt: 0,
      attempts: 2,
      summary: 'Call logged',
      write: { kind: 'logActivity', body: { contact_id: RAHUL.id, type: 'call', note: 'Hi' } },
    };
    const ask = scriptWorker({}, () => ({ ...EMPTY_OUTBOX, waiting: [waiting] }));
    await renderPopup(makeServices(ask));
    await connectionItem.setValue(record('offline'));
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toMatch(/You’re offline/);
    fireEvent.click(screen.getByRole('button', { name: 'Try now' }));
    expect(calls(ask, 'flushOutbox')).toHaveLength(2); // on open, and now
    await connectionItem.setValue(record('ok'));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('clears the last log’s line once the rep starts the next one', async () => {
    await renderPopup(makeServices(scriptWorker(withRahul), thread));
    await waitFor(() =>
      expect((screen.getByLabelText('Contact') as HTMLInputElement).value).toBe('Rahul Sharma'),
    );
    fireEvent.input(noteBox(), { target: { value: 'First call' } });
    fireEvent.keyDown(noteBox(), { key: 'Enter', ctrlKey: true });
    const line = await screen.findByRole('status');
    await waitFor(() => expect(line.textContent).toBe('Synced · Call with Rahul Sharma'));
    fireEvent.input(noteBox(), { target: { value: 'S' } });
    expect(line.textContent).toBe('');
  });
});

describe('popup deals offline', () => {
  const unreachable = {
    getContactDetails: () => ({
      ok: false as const,
      error: { kind: 'offline' as const, message: 'Can’t reach Vivre.' },
    }),
  };

  it('shows the deals the worker kept, and says how old they are', async () => {
    await connectionItem.setValue(record('offline'));
    const ask = scriptWorker({
      ...withRahul,
      getContactDetails: () => ({
        ok: true,
        value: {
          contact: RAHUL,
          deals: [deal({ id: 'dl_1', title: 'Annual plan', value: 100, stage: 'proposal' })],
          activities: null,
          fetchedAt: Date.now() - 2 * 3_600_000,
        },
      }),
    });
    await renderPopup(makeServices(ask, thread));
    await screen.findByRole('option', { name: /Annual plan \(Proposal/ });
    expect(screen.getByText('Offline — deals as of 2 h ago.')).toBeTruthy();
  });

  it('offers a deal created offline and still in the outbox, and says what it cannot know', async () => {
    const created: OutboxItemView = {
      id: 'item_d',
      state: 'waiting',
      createdAt: Date.now(),
      attempts: 1,
      summary: 'New deal: Fleet add-on',
      write: {
        kind: 'createDeal',
        tempId: 'tmp_deal',
        body: { contact_id: RAHUL.id, title: 'Fleet add-on', stage: 'new' },
      },
    };
    const outbox = () => ({ ...EMPTY_OUTBOX, waiting: [created] });
    await renderPopup(makeServices(scriptWorker({ ...withRahul, ...unreachable }, outbox), thread));
    await screen.findByRole('option', { name: 'Fleet add-on (New)' });
    await screen.findByText(/Offline, and Rahul Sharma’s deals aren’t saved on this computer yet/);
    fireEvent.change(screen.getByLabelText('Deal'), { target: { value: 'tmp_deal' } });
    expect((screen.getByLabelText('Deal') as HTMLSelectElement).value).toBe('tmp_deal');
  });
});
