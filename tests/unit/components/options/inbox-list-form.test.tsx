// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InboxListForm } from '@/components/options/InboxListForm';
import type { InboxListPrefs } from '@/lib/shared/inbox-list';

afterEach(cleanup);

function renderForm(stored: InboxListPrefs) {
  const save = vi.fn(async (prefs: InboxListPrefs) => ({ ok: true as const, value: prefs }));
  render(<InboxListForm initial={stored} save={save} />);
  return save;
}

describe('options: inbox list', () => {
  it('shows what is stored and saves the switch at once and a new threshold on leaving it', async () => {
    const save = renderForm({ showScores: true, hotLeadThreshold: 70 });
    const box = screen.getByRole('switch', { name: /Show AI scores beside senders/ });
    const threshold = screen.getByRole('textbox', { name: /hot lead from this AI score/ });
    await waitFor(() => expect((threshold as HTMLInputElement).value).toBe('70'));
    expect((box as HTMLInputElement).checked).toBe(true);

    fireEvent.click(box);
    await waitFor(() =>
      expect(save).toHaveBeenLastCalledWith({ showScores: false, hotLeadThreshold: 70 }),
    );
    fireEvent.input(threshold, { target: { value: '80' } });
    fireEvent.blur(threshold);
    await waitFor(() =>
      expect(save).toHaveBeenLastCalledWith({ showScores: false, hotLeadThreshold: 80 }),
    );
    expect(await screen.findByText('Saved.')).toBeTruthy();
  });

  it('refuses a threshold that is no score, in one clear sentence, and saves nothing', async () => {
    const save = renderForm({ showScores: true, hotLeadThreshold: 70 });
    const threshold = screen.getByRole('textbox', { name: /hot lead from this AI score/ });
    await waitFor(() => expect((threshold as HTMLInputElement).value).toBe('70'));
    fireEvent.input(threshold, { target: { value: '150' } });
    fireEvent.blur(threshold);
    expect(await screen.findByText('Enter a whole AI score from 0 to 100.')).toBeTruthy();
    expect(save).not.toHaveBeenCalled();
  });
});
