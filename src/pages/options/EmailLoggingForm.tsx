/**
 * Email logging in options: whether a new compose starts with "Log to Vivre" on, how much of the
 * body the logged note keeps, and whether unknown recipients are added to Vivre first. The
 * never-log list is the never-look-up list above (one list, explained in the hint).
 */
import { useState } from 'preact/hooks';
import type { Answer, EmailLoggingSettings, SettingsView } from '../../shared/messaging/protocol';
import { DEFAULT_EMAIL_LOGGING, MAX_EXCERPT_LENGTH } from '../../shared/settings';
import { describeError } from './connection-messages';
import { TextField } from '../../ui/Field';
import { Checkbox, OutcomeLine, type Outcome, type SectionProps } from './section';

interface Props extends SectionProps {
  save: (prefs: EmailLoggingSettings) => Promise<Answer<SettingsView>>;
  /** Firefox's consent prompt for email text; called first thing in the click (a user gesture). */
  allowEmailText: () => Promise<boolean>;
}

export function EmailLoggingForm({ settings, save, onSaved, allowEmailText }: Props) {
  const initial = settings?.emailLogging ?? DEFAULT_EMAIL_LOGGING;
  const [byDefault, setByDefault] = useState(initial.logEmailsByDefault);
  const [excerpt, setExcerpt] = useState(String(initial.excerptLength));
  const [addUnknown, setAddUnknown] = useState(initial.addUnknownRecipients);
  const [error, setError] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function submit(event: Event) {
    event.preventDefault();
    const length = Number(excerpt.trim());
    if (
      excerpt.trim() === '' ||
      !Number.isInteger(length) ||
      length < 0 ||
      length > MAX_EXCERPT_LENGTH
    ) {
      setError(
        `Enter a whole number of characters from 0 to ${MAX_EXCERPT_LENGTH.toLocaleString('en-IN')}.`,
      );
      setOutcome({ tone: 'error', text: 'Fix the excerpt length; nothing was saved.' });
      return;
    }
    setError(undefined);
    const answer = await save({
      logEmailsByDefault: byDefault,
      excerptLength: length,
      addUnknownRecipients: addUnknown,
    });
    if (!answer.ok) {
      setOutcome({ tone: 'error', text: describeError(answer.error) });
      return;
    }
    onSaved(answer.value);
    setOutcome({ tone: 'ok', text: 'Email logging settings saved.' });
  }

  return (
    <form aria-labelledby="email-logging-heading" noValidate onSubmit={submit}>
      <h2 id="email-logging-heading">Email logging</h2>
      {settings?.emailTextAllowed === false ? (
        <div class="notice" role="status">
          <p>
            Firefox asks before Vivre may send the text of your emails (the subject and the start of
            the body). Until you allow it, no email is logged.
          </p>
          <button type="button" onClick={() => void allowEmailText()}>
            Allow Vivre to send email text
          </button>
        </div>
      ) : null}
      <Checkbox checked={byDefault} onChange={setByDefault}>
        Turn “Log to Vivre” on in every new email I write
      </Checkbox>
      <Checkbox checked={addUnknown} onChange={setAddUnknown}>
        Add recipients who aren’t in Vivre as contacts when logging
      </Checkbox>
      <TextField
        id="excerpt-length"
        label="Characters of the email kept in the note"
        error={error}
        hint="The note is the subject and the start of the email. 0 keeps the subject only. Emails to colleagues only, and people on your Never look up list, are never logged."
        type="text"
        inputMode="numeric"
        value={excerpt}
        onValue={setExcerpt}
      />
      <div class="actions">
        <button type="submit">Save email logging settings</button>
      </div>
      <OutcomeLine outcome={outcome} />
    </form>
  );
}
