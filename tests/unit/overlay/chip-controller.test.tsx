// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { writeStatesItem } from '@/shared/storage';
import type { Status } from '@/shared/messaging/protocol';
import type { Ask } from '@/shared/messaging/messenger';
import { ChipController } from '@/content/chips/ChipController';
import { createLookupStore } from '@/content/chips/lookup-store';
import { STATUS_OK } from '../../factories';
import { contact } from './fake-worker';

afterEach(cleanup);

const RAHUL = contact('rahul.sharma@acme-tech.example', 'Rahul Sharma', 87);
const STATUS: Status = STATUS_OK;

// The fake reads whichever fields the message it got has.
type Fake = {
  emails: string[];
  write: { kind: string; tempId?: string; body: { email: string; name: string } };
};

/** A worker with an outbox that syncs everything at once, and a contact list that grows. */
function worker() {
  const people = new Map([[RAHUL.email, RAHUL]]);
  function answer(type: string, data: Fake) {
    switch (type) {
      case 'lookupContacts':
        return {
          ok: true,
          value: Object.fromEntries(
            data.emails.map((email) => [
              email,
              people.has(email)
                ? { status: 'found', contact: people.get(email), fetchedAt: 0, stale: false }
                : { status: 'not_found', fetchedAt: 0, stale: false },
            ]),
          ),
        };
      case 'getStatus':
        return { ok: true, value: STATUS };
      case 'getContactDetails':
        return { ok: true, value: { contact: RAHUL, deals: [], activities: [], fetchedAt: 0 } };
      case 'enqueueWrite':
        if (data.write.kind === 'createContact') {
          const added = { ...RAHUL, ...data.write.body, id: 'cnt_new', ai_score: 12 };
          people.set(added.email, added);
        }
        // The worker sends it at once, and publishes that (as src/worker/outbox-feed.ts does).
        setTimeout(() => void writeStatesItem.setValue({ ob_1: { state: 'synced' } }));
        return { ok: true, value: { id: 'ob_1', state: 'waiting' } };
    }
    throw new Error(`unexpected ${type}`);
  }
  const ask = vi.fn(async (type: string, data?: Fake) => answer(type, data!));
  return { ask: ask as unknown as Ask, mock: ask };
}

async function renderController(email: string, displayName: string | null) {
  const { ask, mock } = worker();
  const store = createLookupStore(ask);
  await store.lookup([email]);
  render(
    <ChipController
      email={email}
      displayName={displayName}
      cardId="card-1"
      store={store}
      ask={ask}
      openOptions={() => {}}
      signal={new AbortController().signal}
    />,
  );
  return mock;
}

beforeEach(() => fakeBrowser.reset());

describe('ChipController', () => {
  it('loads status and details when the card opens, not before', async () => {
    const mock = await renderController(RAHUL.email, 'Rahul Sharma');
    expect(mock).not.toHaveBeenCalledWith('getStatus', undefined);
    fireEvent.click(screen.getByRole('button', { name: /AI score 87/ }));
    await screen.findByRole('region', { name: 'Open deals' });
    expect(mock).toHaveBeenCalledWith('getContactDetails', { contactId: RAHUL.id });
    expect(mock.mock.calls.some(([type]) => type === 'getStatus')).toBe(true);
  });

  it('logs a call through the outbox and says "Synced" once it left it', async () => {
    const mock = await renderController(RAHUL.email, 'Rahul Sharma');
    fireEvent.click(screen.getByRole('button', { name: /AI score 87/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Log call with Rahul Sharma' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Note' }), {
      target: { value: 'Agreed on a demo' },
    });
    fireEvent.submit(screen.getByRole('form', { name: 'Log activity for Rahul Sharma' }));
    expect(await screen.findByText('Synced', {}, { timeout: 3000 })).toBeTruthy();
    const writes = mock.mock.calls.filter(([type]) => type === 'enqueueWrite');
    expect(writes).toEqual([
      [
        'enqueueWrite',
        {
          write: {
            kind: 'logActivity',
            body: { contact_id: RAHUL.id, type: 'call', note: 'Agreed on a demo' },
          },
        },
      ],
    ]);
  });

  it('keeps the note in the form when it could not be queued, and sends it once when it can', async () => {
    const { mock } = worker();
    const refusal = { kind: 'unknown', message: 'Vivre for Gmail is restarting — try again.' };
    let refuse = true;
    let attempts = 0;
    let release = () => {};
    const gated = vi.fn(async (type: string, data?: Fake) => {
      if (type !== 'enqueueWrite') return mock(type, data);
      attempts += 1;
      if (refuse) return { ok: false, error: refusal };
      await new Promise<void>((resolve) => (release = resolve));
      return mock(type, data);
    }) as unknown as Ask;
    const store = createLookupStore(gated);
    await store.lookup([RAHUL.email]);
    render(
      <ChipController
        email={RAHUL.email}
        displayName="Rahul Sharma"
        cardId="card-1"
        store={store}
        ask={gated}
        openOptions={() => {}}
        signal={new AbortController().signal}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: /AI score 87/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Log note with Rahul Sharma' }));
    const note = 'Wants the annual plan; call back Tuesday';
    fireEvent.input(screen.getByRole('textbox', { name: 'Note' }), { target: { value: note } });
    fireEvent.submit(screen.getByRole('form', { name: 'Log activity for Rahul Sharma' }));
    await screen.findByText(`Not saved: ${refusal.message}`);
    // The form is still there, with every word the rep typed.
    expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toBe(note);

    const save = screen.getByRole('button', { name: 'Save note' }) as HTMLButtonElement;
    await vi.waitFor(() => expect(save.disabled).toBe(false));
    refuse = false;
    fireEvent.submit(screen.getByRole('form', { name: 'Log activity for Rahul Sharma' }));
    await vi.waitFor(() => expect(attempts).toBe(2));
    // A second press while the first is on its way sends nothing more.
    fireEvent.submit(screen.getByRole('form', { name: 'Log activity for Rahul Sharma' }));
    release();
    expect(await screen.findByText('Synced', {}, { timeout: 3000 })).toBeTruthy();
    expect(attempts).toBe(2);
    expect(screen.queryByRole('form', { name: 'Log activity for Rahul Sharma' })).toBeNull();
    const queued = mock.mock.calls.filter(([type]) => type === 'enqueueWrite');
    expect(queued).toHaveLength(1);
    expect(queued[0]![1]).toMatchObject({ write: { body: { type: 'note', note } } });
  });

  it('keeps the Add to Vivre form as typed when the contact could not be queued', async () => {
    const { mock } = worker();
    let refuse = true;
    const gated = vi.fn(async (type: string, data?: Fake) =>
      type === 'enqueueWrite' && refuse
        ? { ok: false, error: { kind: 'unknown', message: 'The outbox is full.' } }
        : mock(type, data),
    ) as unknown as Ask;
    const email = 'arjun.patel@bluestone.example';
    const store = createLookupStore(gated);
    await store.lookup([email]);
    render(
      <ChipController
        email={email}
        displayName={null}
        cardId="card-1"
        store={store}
        ask={gated}
        openOptions={() => {}}
        signal={new AbortController().signal}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: /is not in Vivre/ }));
    fireEvent.input(await screen.findByRole('textbox', { name: 'Name' }), {
      target: { value: 'Arjun K. Patel' },
    });
    fireEvent.submit(screen.getByRole('form', { name: 'Add to Vivre' }));
    await screen.findByText('Not saved: The outbox is full.');
    expect((screen.getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value).toBe(
      'Arjun K. Patel',
    );
    refuse = false;
    const add = screen.getByRole('button', { name: 'Add to Vivre' }) as HTMLButtonElement;
    await vi.waitFor(() => expect(add.disabled).toBe(false));
    fireEvent.submit(screen.getByRole('form', { name: 'Add to Vivre' }));
    await screen.findByRole('button', { name: /Arjun K. Patel, AI score 12/ }, { timeout: 3000 });
    const queued = mock.mock.calls.filter(([type]) => type === 'enqueueWrite');
    expect(queued).toHaveLength(1);
  });

  it('adds an unknown person with a temporary id, then shows their score', async () => {
    const email = 'arjun.patel@bluestone.example';
    const mock = await renderController(email, null);
    fireEvent.click(screen.getByRole('button', { name: /is not in Vivre/ }));
    fireEvent.submit(await screen.findByRole('form', { name: 'Add to Vivre' }));
    await screen.findByRole(
      'button',
      { name: /Arjun Patel, AI score 12, cold lead/ },
      { timeout: 3000 },
    );
    const data = mock.mock.calls.find(([type]) => type === 'enqueueWrite')![1]!;
    expect(data.write).toMatchObject({
      kind: 'createContact',
      body: { name: 'Arjun Patel', email, company: 'Bluestone' },
    });
    expect(data.write.tempId).toMatch(/^tmp_[0-9a-f-]{36}$/);
  });
});
