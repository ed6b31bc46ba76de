// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { popupDraftItem as draftItem } from '@/lib/shared/storage/items';
import { EMPTY_OUTBOX, found, RAHUL, SNEHA } from '../../../factories';
import { calls, makeServices, renderPopup, resetBrowser, scriptWorker } from './harness';

beforeEach(resetBrowser);
afterEach(cleanup);

const lookupBoth = () => ({
  ok: true as const,
  value: {
    [RAHUL.email]: found(RAHUL),
    [SNEHA.email]: found(SNEHA),
  },
});
const thread = [
  { email: SNEHA.email, name: 'Sneha', role: 'to' as const },
  { email: RAHUL.email, name: 'Rahul', role: 'sender' as const },
];

function write(label: string, value: string) {
  fireEvent.input(screen.getByRole('textbox', { name: label }), { target: { value } });
}

describe('popup form', () => {
  it('has the controls tests and screen readers rely on', async () => {
    await renderPopup(makeServices(scriptWorker()));
    expect(screen.getByRole('combobox', { name: 'Contact' })).toBeTruthy();
    expect(screen.getByRole('radiogroup', { name: 'Type' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Note' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Deal' })).toBeTruthy();
    expect((screen.getByRole('radio', { name: 'Call' }) as HTMLInputElement).checked).toBe(true);
  });

  it('asks the worker to flush the outbox on open', async () => {
    const ask = scriptWorker();
    await renderPopup(makeServices(ask));
    expect(calls(ask, 'flushOutbox')).toHaveLength(1);
  });

  it('preselects the sender of the open Gmail thread, with the others one click away', async () => {
    const ask = scriptWorker({ lookupContacts: lookupBoth });
    await renderPopup(makeServices(ask, thread));
    const contact = screen.getByRole('combobox', { name: 'Contact' }) as HTMLInputElement;
    await waitFor(() => expect(contact.value).toBe('Rahul Sharma'));
    expect(calls(ask, 'lookupContacts')[0]).toEqual({ emails: [RAHUL.email, SNEHA.email] });
    fireEvent.click(screen.getByRole('button', { name: 'Sneha Kulkarni' }));
    expect(contact.value).toBe('Sneha Kulkarni');
  });

  it('logs with Ctrl+Enter, says Synced once the outbox has sent it, and clears the draft', async () => {
    const ask = scriptWorker({ lookupContacts: lookupBoth });
    await renderPopup(makeServices(ask, thread));
    await waitFor(() =>
      expect((screen.getByLabelText('Contact') as HTMLInputElement).value).toBe('Rahul Sharma'),
    );
    fireEvent.click(screen.getByRole('radio', { name: 'Meeting' }));
    write('Note', 'Demo went well');
    await waitFor(async () => expect((await draftItem.getValue())?.note).toBe('Demo went well'));
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Note' }), {
      key: 'Enter',
      ctrlKey: true,
    });
    await screen.findByText('Synced');
    expect(calls(ask, 'enqueueWrite')).toEqual([
      {
        write: {
          kind: 'logActivity',
          body: { contact_id: RAHUL.id, type: 'meeting', note: 'Demo went well' },
        },
      },
    ]);
    expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toBe('');
    await waitFor(async () => expect(await draftItem.getValue()).toBeNull());
  });

  it('logs once when Ctrl+Enter is pressed twice in a row', async () => {
    const ask = scriptWorker({ lookupContacts: lookupBoth });
    await renderPopup(makeServices(ask, thread));
    await waitFor(() =>
      expect((screen.getByLabelText('Contact') as HTMLInputElement).value).toBe('Rahul Sharma'),
    );
    write('Note', 'Only once');
    // Dispatched directly, not through act(): no re-render may happen between the two.
    const note = screen.getByRole('textbox', { name: 'Note' });
    const press = () =>
      note.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }),
      );
    press();
    press();
    await screen.findByText('Synced');
    expect(calls(ask, 'enqueueWrite')).toHaveLength(1);
  });

  it('says "Saved — will sync" while the item is still waiting', async () => {
    const ask = scriptWorker({ lookupContacts: lookupBoth }, () => ({
      ...EMPTY_OUTBOX,
      waiting: [
        {
          id: 'item_1',
          state: 'waiting',
          createdAt: 0,
          attempts: 1,
          summary: 'Call with Rahul Sharma',
          write: { kind: 'logActivity', body: { contact_id: RAHUL.id, type: 'call' } },
        },
      ],
    }));
    await renderPopup(makeServices(ask, thread));
    await waitFor(() =>
      expect((screen.getByLabelText('Contact') as HTMLInputElement).value).toBe('Rahul Sharma'),
    );
    write('Note', 'Left a voicemail');
    fireEvent.click(screen.getByRole('button', { name: 'Log activity' }));
    await screen.findByText('Saved — will sync');
    expect(screen.queryByText('Synced')).toBeNull();
  });

  it('refuses an empty note or a missing contact beside the field and sends nothing', async () => {
    const ask = scriptWorker();
    await renderPopup(makeServices(ask));
    fireEvent.click(screen.getByRole('button', { name: 'Log activity' }));
    const note = screen.getByRole('textbox', { name: 'Note' });
    expect(note.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(note.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /Write a note/,
    );
    expect(screen.getByText('Pick the contact this is about.')).toBeTruthy();
    expect(calls(ask, 'enqueueWrite')).toEqual([]);
  });

  it('refuses an over-long note and keeps the text', async () => {
    const ask = scriptWorker({ lookupContacts: lookupBoth });
    await renderPopup(makeServices(ask, thread));
    write('Note', 'x'.repeat(10_001));
    fireEvent.click(screen.getByRole('button', { name: 'Log activity' }));
    expect(screen.getByText(/limit is 10,000/)).toBeTruthy();
    expect(
      (screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value,
    ).toHaveLength(10_001);
    expect(calls(ask, 'enqueueWrite')).toEqual([]);
  });

  it('keeps a half-written note across closing and reopening', async () => {
    const services = makeServices(scriptWorker());
    const first = await renderPopup(services);
    write('Note', 'Half a thought');
    await waitFor(async () => expect((await draftItem.getValue())?.note).toBe('Half a thought'));
    first.unmount();
    await renderPopup(services);
    expect((screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value).toBe(
      'Half a thought',
    );
  });
});
