/**
 * Scores in the inbox list in options: whether rows show score chips (on by default) and the
 * AI score from which a row is marked a hot lead. Saved in storage.local, where Gmail tabs
 * follow it without a reload.
 */
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_INBOX_LIST, type InboxListPrefs } from '../../shared/inbox-list';
import { TextField } from '../../ui/Field';
import { Checkbox, OutcomeLine, type Outcome } from './section';

interface Props {
  load: () => Promise<InboxListPrefs>;
  save: (prefs: InboxListPrefs) => Promise<void>;
}

export function InboxListForm({ load, save }: Props) {
  const [showScores, setShowScores] = useState(DEFAULT_INBOX_LIST.showScores);
  const [threshold, setThreshold] = useState(String(DEFAULT_INBOX_LIST.hotLeadThreshold));
  const [error, setError] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>(null);

  useEffect(() => {
    void load().then((prefs) => {
      setShowScores(prefs.showScores);
      setThreshold(String(prefs.hotLeadThreshold));
    });
  }, [load]);

  async function submit(event: Event) {
    event.preventDefault();
    const value = Number(threshold.trim());
    if (threshold.trim() === '' || !Number.isInteger(value) || value < 0 || value > 100) {
      setError('Enter a whole AI score from 0 to 100.');
      setOutcome({ tone: 'error', text: 'Fix the hot-lead score; nothing was saved.' });
      return;
    }
    setError(undefined);
    try {
      await save({ showScores, hotLeadThreshold: value });
      setOutcome({ tone: 'ok', text: 'Inbox list settings saved.' });
    } catch {
      setOutcome({ tone: 'error', text: 'Your inbox list settings couldn’t be saved. Try again.' });
    }
  }

  return (
    <form aria-labelledby="inbox-list-heading" noValidate onSubmit={submit}>
      <h2 id="inbox-list-heading">Inbox list</h2>
      <Checkbox checked={showScores} onChange={setShowScores}>
        Show AI scores beside senders in the inbox, labels and search results
      </Checkbox>
      <TextField
        id="hot-lead-threshold"
        label="Mark a row as a hot lead from this AI score"
        error={error}
        hint="Rows whose sender scores this much or more get a red mark at the start."
        type="text"
        inputMode="numeric"
        value={threshold}
        onValue={setThreshold}
      />
      <div class="actions">
        <button type="submit">Save inbox list settings</button>
      </div>
      <OutcomeLine outcome={outcome} />
    </form>
  );
}
