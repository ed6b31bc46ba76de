// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EmailLoggingForm } from '@/components/options/EmailLoggingForm';
import type { EmailLoggingSettings } from '@/lib/shared/messaging/protocol';
import { settingsView } from '../../../factories';

const view = (emailLogging?: EmailLoggingSettings) =>
  settingsView(emailLogging ? { emailLogging } : {});

function setup(settings = view()) {
  const save = vi.fn(async (prefs: EmailLoggingSettings) => ({
    ok: true as const,
    value: view(prefs),
  }));
  const onSaved = vi.fn();
  const allowEmailText = vi.fn(async () => true);
  render(
    <EmailLoggingForm
      settings={settings}
      save={save}
      onSaved={onSaved}
      allowEmailText={allowEmailText}
    />,
  );
  return { save, onSaved, allowEmailText };
}

const excerpt = () => screen.getByLabelText('Characters of the email kept in the note');
/** The excerpt is saved when the rep leaves the field. */
const leave = () => fireEvent.blur(excerpt());

afterEach(cleanup);

describe('email logging options', () => {
  it('starts with logging off by default and a 500-character excerpt', () => {
    setup();
    const checkbox = screen.getByRole('switch', { name: /Log to Vivre.* in every new email/ });
    expect((checkbox as HTMLInputElement).checked).toBe(false);
    expect((excerpt() as HTMLInputElement).value).toBe('500');
  });

  it('saves each change as the rep makes it: a switch at once, the length on leaving it', async () => {
    const { save, onSaved } = setup();
    fireEvent.click(screen.getByRole('switch', { name: /in every new email/ }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(save).toHaveBeenLastCalledWith({
      logEmailsByDefault: true,
      excerptLength: 500,
      addUnknownRecipients: false,
    });
    fireEvent.input(excerpt(), { target: { value: '200' } });
    leave();
    await waitFor(() => expect(save).toHaveBeenCalledTimes(2));
    expect(save).toHaveBeenLastCalledWith({
      logEmailsByDefault: true,
      excerptLength: 200,
      addUnknownRecipients: false,
    });
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(2));
    leave();
    expect(save).toHaveBeenCalledTimes(2); // nothing changed, nothing sent
  });

  it.each(['', '-1', '12.5', 'lots', '5001'])(
    'refuses an excerpt length of "%s"',
    async (value) => {
      const { save } = setup();
      fireEvent.input(excerpt(), { target: { value } });
      leave();
      expect(
        await screen.findByText(/Enter a whole number of characters from 0 to 5,000/),
      ).toBeTruthy();
      expect(save).not.toHaveBeenCalled();
    },
  );

  it('in Firefox, says no email is logged until the rep allows email text, and asks when told to', () => {
    const { allowEmailText } = setup({ ...view(), emailTextAllowed: false });
    expect(screen.getByText(/until you allow it, no email is logged/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Allow Vivre to send email text' }));
    expect(allowEmailText).toHaveBeenCalledTimes(1);
  });

  it('asks nothing where email text is allowed (Chrome, or Firefox once allowed)', () => {
    setup({ ...view(), emailTextAllowed: true });
    expect(screen.queryByRole('button', { name: /Allow Vivre/ })).toBeNull();
  });
});
