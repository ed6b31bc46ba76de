/**
 * The inline "log a call / note / meeting" form. Validates before anything is sent,
 * with the message next to the field, so a rep never waits on a request that
 * cannot succeed. Ctrl/Cmd+Enter submits, as in the popup.
 */
import { useRef, useState } from 'preact/hooks';
import { validateNote } from '../../shared/forms/note';
import { ACTIVITY_WORDS } from '../../shared/labels';
import { Choices } from '../../ui/Choices';
import type { LogInput } from '../../ui/view-types';

const TYPES: LogInput['type'][] = ['call', 'note', 'meeting'];

/**
 * Every activity needs a note: the popup's rule and words, from the same function its write
 * builder uses (shared/forms/log-activity.ts), so a call means the same in both places.
 */
function validateLog(input: LogInput): string | null {
  const note = validateNote(input.note);
  return note.ok ? null : note.message;
}

export interface LogActivityFormProps {
  idPrefix: string;
  initialType: LogInput['type'];
  contactName: string;
  /** The form stays, its note kept and Save disabled, until this settles. */
  onSubmit: (input: LogInput) => Promise<void>;
  onCancel: () => void;
}

export function LogActivityForm(props: LogActivityFormProps) {
  const [type, setType] = useState(props.initialType);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // The guard itself is a ref: two presses in one tick both see the same `saving` state.
  const inFlight = useRef(false);
  const noteId = `${props.idPrefix}-note`;
  const errorId = `${props.idPrefix}-note-error`;

  async function submit(event: Event) {
    event.preventDefault();
    // One press, one write: a second press while the first is on its way sends nothing.
    if (inFlight.current) return;
    const problem = validateLog({ type, note });
    setError(problem);
    if (problem) return;
    inFlight.current = true;
    setSaving(true);
    try {
      await props.onSubmit({ type, note: note.trim() });
    } finally {
      inFlight.current = false;
      setSaving(false);
    }
  }

  return (
    <form
      class="log-form"
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit(event);
      }}
      aria-label={`Log activity for ${props.contactName}`}
      noValidate
    >
      <label class="field">
        <span>Type</span>
        <select
          aria-label="Activity type"
          value={type}
          onChange={(e) => setType(e.currentTarget.value as LogInput['type'])}
        >
          <Choices choices={TYPES} words={ACTIVITY_WORDS} />
        </select>
      </label>
      <label class="field" for={noteId}>
        <span>Note</span>
      </label>
      <textarea
        id={noteId}
        aria-label="Note"
        rows={3}
        value={note}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onInput={(e) => setNote(e.currentTarget.value)}
      />
      {error && (
        <p id={errorId} class="field-error" role="alert">
          {error}
        </p>
      )}
      <div class="row">
        <button type="submit" class="primary" disabled={saving}>
          Save {ACTIVITY_WORDS[type].toLowerCase()}
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
