/**
 * Scores in the inbox list in options: whether rows show score chips (on by default) and the
 * AI score from which a row is marked a hot lead. Saved as you change them, like the rest of the
 * page, through the worker into storage.local, where Gmail tabs follow them without a reload.
 */
import { useState } from 'preact/hooks';
import type { Answer } from '../../lib/shared/messaging/protocol';
import type { InboxListPrefs } from '../../lib/shared/inbox-list';
import { TextField } from '../common/Field';
import { Section, Switch, type Outcome } from './section';

interface Props {
  /** What is saved, as getSettings answered. */
  initial: InboxListPrefs;
  save: (prefs: InboxListPrefs) => Promise<Answer<InboxListPrefs>>;
}

/** A whole score from 0 to 100, or null. */
function parseThreshold(text: string): number | null {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(value) && value >= 0 && value <= 100 ? value : null;
}

export function InboxListForm({ initial, save }: Props) {
  const [saved, setSaved] = useState(initial);
  const [threshold, setThreshold] = useState(String(initial.hotLeadThreshold));
  const [error, setError] = useState<string>();
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

  function saveThreshold() {
    const value = parseThreshold(threshold);
    setError(value === null ? 'Enter a whole AI score from 0 to 100.' : undefined);
    if (value === null)
      setOutcome({ tone: 'error', text: 'Fix the hot-lead score; it isn’t saved yet.' });
    else if (value !== saved.hotLeadThreshold) void keep({ ...saved, hotLeadThreshold: value });
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
        onChange={(showScores) => void keep({ ...saved, showScores })}
      />
      <TextField
        id="hot-lead-threshold"
        label="Mark a row as a hot lead from this AI score"
        error={error}
        hint="Rows whose sender scores this much or more get a red mark at the start."
        type="text"
        inputMode="numeric"
        value={threshold}
        onValue={setThreshold}
        onBlur={saveThreshold}
      />
    </Section>
  );
}
