/**
 * Email logging in options, saved as you change it: whether a new compose starts with "Log to
 * Vivre" on, whether unknown recipients are added to Vivre first, and how much of the body the
 * logged note keeps. The never-log list is the never-look-up list above (one list).
 */
import { useState } from 'preact/hooks';
import type {
  Answer,
  EmailLoggingSettings,
  SettingsView,
} from '../../lib/shared/messaging/protocol';
import { DEFAULT_EMAIL_LOGGING, MAX_EXCERPT_LENGTH } from '../../lib/shared/settings';
import { lockedBy, Section, saving, Switch, type Outcome, type SectionProps } from './section';
import { WholeNumberField } from './WholeNumberField';

interface Props extends SectionProps {
  save: (prefs: EmailLoggingSettings) => Promise<Answer<SettingsView>>;
  /** Firefox's consent prompt for email text; called first thing in the click (a user gesture). */
  allowEmailText: () => Promise<boolean>;
}

export function EmailLoggingForm({ settings, save, onSaved, allowEmailText }: Props) {
  const initial = settings?.emailLogging ?? DEFAULT_EMAIL_LOGGING;
  const [prefs, setPrefs] = useState(initial);
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function change(patch: Partial<EmailLoggingSettings>) {
    const next = { ...prefs, ...patch };
    setPrefs(next);
    const view = await saving(setOutcome, save(next), 'Saved.');
    if (view) onSaved(view);
  }

  return (
    <Section
      id="email-logging"
      title="Email logging"
      intro="Log the emails you send, and chosen thread messages, to Vivre. Saved as you change it."
      outcome={outcome}
    >
      {settings?.emailTextAllowed === false ? (
        <div class="banner" role="status">
          <span>
            Firefox asks before Vivre may send the text of your emails (the subject and the start of
            the body); until you allow it, no email is logged.
          </span>
          <button type="button" class="link" onClick={() => void allowEmailText()}>
            Allow Vivre to send email text
          </button>
        </div>
      ) : null}
      <Switch
        checked={prefs.logEmailsByDefault}
        label="Turn “Log to Vivre” on in every new email I write"
        hint="You can still switch it per email, before you send."
        locked={lockedBy(settings, 'logEmailsByDefault')}
        onChange={(logEmailsByDefault) => void change({ logEmailsByDefault })}
      />
      <Switch
        checked={prefs.addUnknownRecipients}
        label="Add recipients who aren’t in Vivre as contacts when logging"
        locked={lockedBy(settings, 'addUnknownRecipients')}
        onChange={(addUnknownRecipients) => void change({ addUnknownRecipients })}
      />
      <WholeNumberField
        id="excerpt-length"
        label="Characters of the email kept in the note"
        hint="The note is the subject and the start of the email; 0 keeps the subject only. Emails to colleagues only, and to people on your Never look up list, are never logged."
        locked={lockedBy(settings, 'excerptLength')}
        saved={prefs.excerptLength}
        max={MAX_EXCERPT_LENGTH}
        unit="number of characters"
        name="excerpt length"
        onSave={(excerptLength) => void change({ excerptLength })}
        onOutcome={setOutcome}
      />
    </Section>
  );
}
