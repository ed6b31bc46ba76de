/**
 * The note an `email` activity carries: the subject, then the start of the body as plain text.
 * Excerpts are cut at a word boundary when one is near, and marked with an ellipsis, so a rep
 * reading the activity in Vivre can tell it was shortened.
 */

/** The API refuses longer notes (lib/vivre/contract.ts MAX_NOTE_LENGTH); kept in sync by a test. */
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
  if (clean.length <= length) return clean;
  const room = clean.slice(0, Math.max(0, length - 1));
  const lastSpace = room.search(/\s\S*$/);
  // Only back off to a word boundary when it costs little of the excerpt.
  const cut = lastSpace > length * 0.8 ? room.slice(0, lastSpace) : room;
  return `${cut.trimEnd()}…`;
}
