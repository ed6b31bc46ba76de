/**
 * Scores in the inbox list in options: whether rows show score chips (on by default) and the
 * AI score from which a row is marked a hot lead. Saved as you change them, like the rest of the
 * page, through the worker into storage.local, where Gmail tabs follow them without a reload.
 */
import { useState } from 'preact/hooks';
import type { Answer } from '../../lib/shared/messaging/protocol';
import type { InboxListPrefs } from '../../lib/shared/inbox-list';
import { Section, Switch, type Outcome } from './section';
import type { ManagedKey } from '../../lib/shared/managed';
import { WholeNumberField } from './WholeNumberField';

interface Props {
  /** What is saved, as getSettings answered. */
  initial: InboxListPrefs;
  save: (prefs: InboxListPrefs) => Promise<Answer<InboxListPrefs>>;
  /** The settings the rep's organisation locked. */
  locked?: readonly ManagedKey[];
}

export function InboxListForm({ initial, save, locked = [] }: Props) {
  const [saved, setSaved] = useState(initial);
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function keep(prefs: InboxListPrefs) {
    setOutcome({ tone: 'ok', text: 'Saving…' });
    const answer = await save(prefs);
    if (answer.ok) {
      setSaved(answer.value);
      setOutcome({ tone: 'ok', text: 'Saved.' });
    } else {
      setOutcome({ tone: 'error', text: 'Your inbox list settings couldn’t be saved. Try again.' });
    }
  }

  return (
    <Section
      id="inbox-list"
      title="Inbox list"
      intro="AI scores beside senders in the inbox, labels and search results. Saved as you change them."
      outcome={outcome}
    >
      <Switch
        checked={saved.showScores}
        label="Show AI scores beside senders in the inbox, labels and search results"
        locked={locked.includes('showInboxScores')}
        onChange={(showScores) => void keep({ ...saved, showScores })}
      />
      <WholeNumberField
        id="hot-lead-threshold"
        label="Mark a row as a hot lead from this AI score"
        hint="Rows whose sender scores this much or more get a red mark at the start."
        locked={locked.includes('hotLeadThreshold')}
        saved={saved.hotLeadThreshold}
        max={100}
        unit="AI score"
        name="hot-lead score"
        onSave={(hotLeadThreshold) => void keep({ ...saved, hotLeadThreshold })}
        onOutcome={setOutcome}
      />
    </Section>
  );
}
