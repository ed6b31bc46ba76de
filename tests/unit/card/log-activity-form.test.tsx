// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LogActivityForm } from '@/pages/card/LogActivityForm';

afterEach(cleanup);

function renderForm(initialType: 'call' | 'note' | 'meeting') {
  const onSubmit = vi.fn();
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

  it('lets a call be logged without a note', () => {
    const { onSubmit, submit } = renderForm('call');
    submit();
    expect(onSubmit).toHaveBeenCalledWith({ type: 'call', note: '' });
  });

  it('applies the note rule when the rep switches the type to note', () => {
    const { onSubmit, submit } = renderForm('meeting');
    fireEvent.change(screen.getByRole('combobox', { name: 'Activity type' }), {
      target: { value: 'note' },
    });
    submit();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
