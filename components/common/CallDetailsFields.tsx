/**
 * A call's optional length (minutes) and outcome, side by side: the same two fields in the
 * popup and the card, written into the note by lib/shared/forms/call-details.ts.
 */
import {
  CALL_OUTCOMES,
  CALL_OUTCOME_WORDS,
  type CallDetailsValues,
} from '../../lib/shared/forms/call-details';
import { SelectField, TextField } from './Field';

export function CallDetailsFields({
  idPrefix,
  value,
  onChange,
  minutesError,
}: {
  idPrefix: string;
  value: CallDetailsValues;
  onChange: (value: CallDetailsValues) => void;
  minutesError?: string | undefined;
}) {
  return (
    <div class="pair call-details">
      <TextField
        id={`${idPrefix}-minutes`}
        label="Duration (min)"
        inputMode="numeric"
        error={minutesError}
        value={value.minutes}
        onValue={(minutes) => onChange({ ...value, minutes })}
      />
      <SelectField
        id={`${idPrefix}-outcome`}
        label="Outcome"
        empty="Not said"
        choices={CALL_OUTCOMES}
        words={CALL_OUTCOME_WORDS}
        value={value.outcome}
        onValue={(outcome) => onChange({ ...value, outcome })}
      />
    </div>
  );
}
