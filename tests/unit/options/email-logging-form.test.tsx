// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EmailLoggingForm } from '../../../src/pages/options/EmailLoggingForm';
import type { EmailLoggingSettings } from '../../../src/shared/messaging/protocol';
import { settingsView } from '../../factories';

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
const submit = () =>
  fireEvent.click(screen.getByRole('button', { name: 'Save email logging settings' }));

afterEach(cleanup);

describe('email logging options', () => {
  it('starts with logging off by default and a 500-character excerpt', () => {
    setup();
    const checkbox = screen.getByRole('checkbox', { name: /Log to Vivre.* in every new email/ });
    expect((checkbox as HTMLInputElement).checked).toBe(false);
    expect((excerpt() as HTMLInputElement).value).toBe('500');
  });

  it('saves what the rep chose', async () => {
    const { save, onSaved } = setup();
    fireEvent.click(screen.getByRole('checkbox', { name: /in every new email/ }));
    fireEvent.input(excerpt(), { target: { value: '200' } });
    submit();
    expect(await screen.findByText('Email logging settings saved.')).toBeTruthy();
    expect(save).toHaveBeenCalledWith({
      logEmailsByDefault: true,
      excerptLength: 200,
      addUnknownRecipients: false,
    });
    expect(onSaved).toHaveBeenCalledOnce();
  });

  it.each(['', '-1', '12.5', 'lots', '5001'])(
    'refuses an excerpt length of "%s"',
    async (value) => {
      const { save } = setup();
      fireEvent.input(excerpt(), { target: { value } });
      submit();
      expect(
        await screen.findByText(/Enter a whole number of characters from 0 to 5,000/),
      ).toBeTruthy();
      expect(save).not.toHaveBeenCalled();
    },
  );

  it('in Firefox, says no email is logged until the rep allows email text, and asks when told to', () => {
    const { allowEmailText } = setup({ ...view(), emailTextAllowed: false });
    expect(screen.getByText(/Until you allow it, no email is logged/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Allow Vivre to send email text' }));
    expect(allowEmailText).toHaveBeenCalledTimes(1);
  });

  it('asks nothing where email text is allowed (Chrome, or Firefox once allowed)', () => {
    setup({ ...view(), emailTextAllowed: true });
    expect(screen.queryByRole('button', { name: /Allow Vivre/ })).toBeNull();
  });
});
