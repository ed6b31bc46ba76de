import { MAX_NOTE_LENGTH } from '../vivre/limits';
import { type FieldResult, invalid, valid } from './result';

// Only a note over the limit needs it: not built while a page starts.
let formatter: Intl.NumberFormat | undefined;

/** A logged activity needs something to say; the API caps notes at 10,000 characters. */
export function validateNote(text: string): FieldResult<string> {
  const note = text.trim();
  if (!note) return invalid('Write a note about what happened.');
  if (note.length > MAX_NOTE_LENGTH) {
    formatter ??= new Intl.NumberFormat('en-IN');
    return invalid(
      `The note is ${formatter.format(note.length)} characters; the limit is ${formatter.format(MAX_NOTE_LENGTH)}. Shorten it a little.`,
    );
  }
  return valid(note);
}
