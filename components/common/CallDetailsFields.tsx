/**
 * A call's optional length (minutes) and outcome, side by side: the same two fields in the
 * popup and the card, written into the note by lib/shared/forms/call-details.ts.
 */
import {
  CALL_OUTCOMES,
  CALL_OUTCOME_WORDS,
  type CallDetailsValues,
  type CallOutcome,
} from '../../lib/shared/forms/call-details';
import { Choices } from './Choices';
import { Field, TextField } from './Field';

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
      <Field id={`${idPrefix}-outcome`} label="Outcome">
        {(control) => (
          <select
            {...control}
            value={value.outcome}
            onChange={(e) =>
              onChange({ ...value, outcome: e.currentTarget.value as CallOutcome | '' })
            }
          >
            <option value="">Not said</option>
            <Choices choices={CALL_OUTCOMES} words={CALL_OUTCOME_WORDS} />
          </select>
        )}
      </Field>
    </div>
  );
}
