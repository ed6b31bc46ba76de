// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LogActivityForm } from '@/components/card/LogActivityForm';
import { buildLogWrites } from '@/lib/shared/forms/log-activity';

afterEach(cleanup);

function renderForm(initialType: 'call' | 'note' | 'meeting') {
  const onSubmit = vi.fn(async (_input: unknown) => {});
  render(
    <LogActivityForm
      idPrefix="t"
      initialType={initialType}
      contactName="Rahul Sharma"
      onSubmit={onSubmit}
      onCancel={() => {}}
    />,
  );
  const note = screen.getByRole('textbox', { name: 'Note' });
  const type = (value: string) => fireEvent.input(note, { target: { value } });
  const submit = () => fireEvent.submit(screen.getByRole('form'));
  return { onSubmit, note, type, submit };
}

describe('LogActivityForm', () => {
  it('refuses an empty note, says why next to the field, and sends nothing', () => {
    const { onSubmit, note, type, submit } = renderForm('note');
    type('   ');
    submit();
    expect(onSubmit).not.toHaveBeenCalled();
    const error = screen.getByRole('alert');
    expect(error.textContent).toMatch(/write a note/i);
    expect(note.getAttribute('aria-invalid')).toBe('true');
    expect(note.getAttribute('aria-describedby')).toBe(error.id);
  });

  it('refuses a note over 10,000 characters', () => {
    const { onSubmit, type, submit } = renderForm('call');
    type('x'.repeat(10_001));
    submit();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('10,000');
  });

  it('accepts a note of exactly 10,000 characters', () => {
    const { onSubmit, type, submit } = renderForm('note');
    type('x'.repeat(10_000));
    submit();
    expect(onSubmit).toHaveBeenCalledWith({ type: 'note', note: 'x'.repeat(10_000) });
  });

  it('asks for a note on a call too, as the popup does, in the same words', () => {
    const { onSubmit, submit } = renderForm('call');
    submit();
    expect(onSubmit).not.toHaveBeenCalled();
    const popup = buildLogWrites(
      { contactId: 'cnt_1', type: 'call', note: '', deal: { kind: 'none' } },
      { newTempId: () => 'tmp_x', now: () => new Date() },
    );
    expect(popup.ok).toBe(false);
    expect(screen.getByRole('alert').textContent).toBe(popup.ok ? null : popup.errors.note);
  });

  it('submits on Ctrl+Enter and Cmd+Enter in the note, not on Enter alone', async () => {
    const { onSubmit, note, type } = renderForm('meeting');
    type('Demo booked');
    fireEvent.keyDown(note, { key: 'Enter' });
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.keyDown(note, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    // Once the first is taken (the form allows one write in flight), Cmd+Enter works too.
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /Save/ })).toHaveProperty('disabled', false),
    );
    fireEvent.keyDown(note, { key: 'Enter', metaKey: true });
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(2));
    expect(onSubmit).toHaveBeenCalledWith({ type: 'meeting', note: 'Demo booked' });
  });

  it('takes a call’s length and outcome, only for a call', () => {
    const { onSubmit, type, submit } = renderForm('call');
    fireEvent.input(screen.getByRole('textbox', { name: 'Duration (min)' }), {
      target: { value: '12' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Outcome' }), {
      target: { value: 'connected' },
    });
    type('Wants a demo');
    submit();
    expect(onSubmit).toHaveBeenCalledWith({
      type: 'call',
      note: 'Wants a demo',
      call: { minutes: '12', outcome: 'connected' },
    });
    cleanup();
    renderForm('meeting');
    expect(screen.queryByRole('textbox', { name: 'Duration (min)' })).toBeNull();
  });

  it('logs a call with only an outcome, and refuses minutes that are not whole minutes', () => {
    const { onSubmit, submit } = renderForm('call');
    const minutes = screen.getByRole('textbox', { name: 'Duration (min)' });
    fireEvent.input(minutes, { target: { value: 'ten' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Outcome' }), {
      target: { value: 'no_answer' },
    });
    submit();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(minutes.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter the call’s length in whole minutes, like 15.')).toBeTruthy();
    fireEvent.input(minutes, { target: { value: '' } });
    submit();
    expect(onSubmit).toHaveBeenCalledWith({
      type: 'call',
      note: '',
      call: { minutes: '', outcome: 'no_answer' },
    });
  });
});
