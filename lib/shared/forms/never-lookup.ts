import { type FieldResult, invalid, valid } from './result';

// Deliberately simple: one @, no spaces, a dot in the domain. The list only has to
// match what Gmail shows, not every address RFC 5322 allows.
const EMAIL = /^[^\s@]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/**
 * Parses the "never look up" textarea: one address or domain per line (a leading
 * "@" on a domain is tolerated), blank lines ignored, lower-cased and deduplicated.
 * A bad line is reported by its number so the rep can find it.
 */
export function parseNeverLookup(text: string): FieldResult<string[]> {
  const entries = new Set<string>();
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const entry = line.trim().toLowerCase().replace(/^@/, '');
    if (!entry) continue;
    if (!EMAIL.test(entry) && !DOMAIN.test(entry)) {
      return invalid(
        `Line ${index + 1} (“${line.trim()}”) is neither an email address nor a domain like example.com.`,
      );
    }
    entries.add(entry);
  }
  return valid([...entries]);
}
