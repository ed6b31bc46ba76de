// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { popupDraftItem } from '@/lib/shared/storage/items';
import { found, RAHUL } from '../../../factories';
import { calls, makeServices, renderPopup, resetBrowser, scriptWorker } from './harness';

beforeEach(resetBrowser);
afterEach(cleanup);

const thread = [{ email: RAHUL.email, name: 'Rahul', role: 'sender' as const }];

describe('a call logged from the popup', () => {
  it('writes its duration and outcome into the note in the form the card uses', async () => {
    const ask = scriptWorker({
      lookupContacts: () => ({ ok: true as const, value: { [RAHUL.email]: found(RAHUL) } }),
    });
    await renderPopup(makeServices(ask, thread));
    await waitFor(() =>
      expect((screen.getByLabelText('Contact') as HTMLInputElement).value).toBe('Rahul Sharma'),
    );
    fireEvent.input(screen.getByRole('textbox', { name: 'Duration (min)' }), {
      target: { value: '12' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Outcome' }), {
      target: { value: 'left_voicemail' },
    });
    fireEvent.input(screen.getByRole('textbox', { name: 'Note' }), {
      target: { value: 'Will call back Friday' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Log activity' }));
    await screen.findByText('Synced');
    expect(calls(ask, 'enqueueWrite')).toEqual([
      {
        write: {
          kind: 'logActivity',
          body: {
            contact_id: RAHUL.id,
            type: 'call',
            note: 'Call: Left voicemail, 12 min\n\nWill call back Friday',
          },
        },
      },
    ]);
    // Cleared with the note: the next call starts with nothing said about it.
    expect(
      (screen.getByRole('textbox', { name: 'Duration (min)' }) as HTMLInputElement).value,
    ).toBe('');
  });

  it('offers duration and outcome for a call only', async () => {
    await renderPopup(makeServices(scriptWorker()));
    expect(screen.getByRole('textbox', { name: 'Duration (min)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Note' }));
    expect(screen.queryByRole('textbox', { name: 'Duration (min)' })).toBeNull();
  });

  it('keeps a call’s duration and outcome in the draft, so closing the popup loses neither', async () => {
    await renderPopup(makeServices(scriptWorker()));
    fireEvent.input(screen.getByRole('textbox', { name: 'Duration (min)' }), {
      target: { value: '7' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Outcome' }), {
      target: { value: 'no_answer' },
    });
    // An outcome alone is something written: the draft keeps it even with no note.
    await waitFor(async () =>
      expect((await popupDraftItem.getValue())?.call).toEqual({
        minutes: '7',
        outcome: 'no_answer',
      }),
    );
    cleanup();
    await renderPopup(makeServices(scriptWorker()));
    expect(
      (screen.getByRole('textbox', { name: 'Duration (min)' }) as HTMLInputElement).value,
    ).toBe('7');
    expect((screen.getByRole('combobox', { name: 'Outcome' }) as HTMLSelectElement).value).toBe(
      'no_answer',
    );
  });
});
