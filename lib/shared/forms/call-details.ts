/**
 * A call's optional length and outcome, as the popup and the card both take them. The API has
 * no fields for either, so they travel in the note, always in the one form `formatCallNote`
 * writes ("Call: Connected, 12 min" on the first line), so a rep reading Vivre, or a report
 * searching it, finds them the same way whichever surface logged the call.
 */
import { type FieldResult, invalid, valid } from './result';

export const CALL_OUTCOMES = ['connected', 'left_voicemail', 'no_answer', 'busy'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const CALL_OUTCOME_WORDS: Record<CallOutcome, string> = {
  connected: 'Connected',
  left_voicemail: 'Left voicemail',
  no_answer: 'No answer',
  busy: 'Busy',
};

/** As typed: minutes as text (empty: not said), outcome empty when not picked. */
export interface CallDetailsValues {
  minutes: string;
  outcome: CallOutcome | '';
}

export interface CallDetails {
  minutes?: number;
  outcome?: CallOutcome;
}

export const NO_CALL_DETAILS: CallDetailsValues = { minutes: '', outcome: '' };

/** A working day; anything longer is a typo, not a call. */
const MAX_MINUTES = 24 * 60;

/** Whole minutes, 1 to a day's worth; empty means the rep did not say. */
export function validateCallMinutes(text: string): FieldResult<number | undefined> {
  const trimmed = text.trim();
  if (!trimmed) return valid(undefined);
  const minutes = /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_MINUTES) {
    return invalid('Enter the call’s length in whole minutes, like 15.');
  }
  return valid(minutes);
}

export function validateCallDetails(values: CallDetailsValues): FieldResult<CallDetails> {
  const minutes = validateCallMinutes(values.minutes);
  if (!minutes.ok) return minutes;
  return valid({
    ...(minutes.value === undefined ? {} : { minutes: minutes.value }),
    ...(values.outcome ? { outcome: values.outcome } : {}),
  });
}

/**
 * The note with the call's details in front: "Call: Connected, 12 min", a blank line, then
 * what the rep wrote (or the details line alone). Nothing said about the call: the note as is.
 */
export function formatCallNote(note: string, details: CallDetails): string {
  const parts = [
    ...(details.outcome ? [CALL_OUTCOME_WORDS[details.outcome]] : []),
    ...(details.minutes === undefined ? [] : [`${details.minutes} min`]),
  ];
  if (parts.length === 0) return note;
  const line = `Call: ${parts.join(', ')}`;
  const text = note.trim();
  return text ? `${line}\n\n${text}` : line;
}
