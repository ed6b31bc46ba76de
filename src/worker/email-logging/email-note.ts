/**
 * The note an `email` activity carries: the subject, then the start of the body as plain text.
 * A shortened excerpt ends in an ellipsis, so a rep reading the activity in Vivre
 * can tell it was cut.
 */

/** The API refuses longer notes (src/shared/vivre/contract.ts MAX_NOTE_LENGTH); kept in sync by a test. */
export const NOTE_LIMIT = 10_000;

export function buildEmailNote(subject: string, bodyText: string, excerptLength: number): string {
  const title = subject.trim() || '(no subject)';
  const excerpt = excerptOf(bodyText, excerptLength);
  return (excerpt ? `${title}\n\n${excerpt}` : title).slice(0, NOTE_LIMIT);
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
