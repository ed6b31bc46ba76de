/**
 * The note an `email` activity carries: the subject, then the start of the body as plain text.
 * A shortened excerpt ends in an ellipsis, so a rep reading the activity in Vivre
 * can tell it was cut.
 */
import { MAX_NOTE_LENGTH } from '../../shared/vivre/limits';

export function buildEmailNote(subject: string, bodyText: string, excerptLength: number): string {
  const title = subject.trim() || '(no subject)';
  const excerpt = excerptOf(bodyText, excerptLength);
  return (excerpt ? `${title}\n\n${excerpt}` : title).slice(0, MAX_NOTE_LENGTH);
}

/** At most `length` characters of `text` (the ellipsis included), whitespace tidied. */
export function excerptOf(text: string, length: number): string {
  const clean = text
    .replace(/[^\S\n]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (length <= 0) return '';
  return clean.length <= length ? clean : `${clean.slice(0, length - 1).trimEnd()}…`;
}
