import { useState } from 'preact/hooks';
import { TextField } from '../common/Field';
import type { Outcome } from './section';
import { SET_BY_ORGANISATION } from '../../lib/shared/managed';

interface Props {
  id: string;
  label: string;
  hint: string;
  /** The value as saved; the field shows it again whenever it changes. */
  saved: number;
  max: number;
  /** What the number counts, in "Enter a whole … from 0 to max": "AI score". */
  unit: string;
  /** The setting's name, in "Fix the …; it isn’t saved yet.": "hot-lead score". */
  name: string;
  /** Called with a new whole number from 0 to `max` when the rep leaves the field. */
  onSave: (value: number) => void;
  /** The section's status line: says the typed value was not saved. */
  onOutcome: (outcome: Outcome) => void;
  /** Locked by the organisation: shown, not editable, and says so in place of the hint. */
  locked?: boolean;
}

/** `text` as a whole number from 0 to `max`, or null. */
function parseWholeNumber(text: string, max: number): number | null {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(value) && value >= 0 && value <= max ? value : null;
}

/**
 * A number setting on the options page, saved when the rep leaves the field (not on every
 * key, which would save "1" on the way to "100"); a value that does not fit is said beside the
 * field and in the section's status line, and nothing is saved.
 */
export function WholeNumberField(props: Props) {
  const { saved, max, unit, name, onSave, onOutcome, locked, hint, ...field } = props;
  // What the rep typed, with the value saved when they typed it. Worked out while drawing, not
  // reset by an effect: an effect's first run comes a frame or more after the field appears,
  // and would throw away what was typed before it. A new saved value replaces the typing.
  const [typed, setTyped] = useState<{ over: number; text: string } | null>(null);
  const text = typed?.over === saved ? typed.text : String(saved);
  const [error, setError] = useState<string>();

  function leave() {
    const value = parseWholeNumber(text, max);
    setError(
      value === null
        ? `Enter a whole ${unit} from 0 to ${max.toLocaleString('en-IN')}.`
        : undefined,
    );
    if (value === null) onOutcome({ tone: 'error', text: `Fix the ${name}; it isn’t saved yet.` });
    else if (value !== saved) onSave(value);
  }

  return (
    <TextField
      {...field}
      hint={locked ? SET_BY_ORGANISATION : hint}
      readOnly={locked}
      error={error}
      type="text"
      inputMode="numeric"
      value={text}
      onValue={(next) => setTyped({ over: saved, text: next })}
      onBlur={leave}
    />
  );
}
