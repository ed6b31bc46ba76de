/**
 * How the popup orders the people it offers for a search, the way a rep reads a name:
 *
 * 1. the whole name, exactly ("deepa menon");
 * 2. the name starting with what was typed ("Deepa M" → Deepa Menon);
 * 3. every typed word starting a word of the name, in any order ("menon d");
 * 4. everything else Vivre matched: the typed words found in the email or the company.
 *
 * Within a tier the people on the open email come first, then the recent ones, then by name.
 * So "Deepa M" puts Deepa Menon above Deepak Banerjee, whom Vivre matched only because the
 * "m" is in "kaverilabs.example". Pure: no I/O, no clock.
 */
import type { PickedContact } from '../../lib/shared/storage/table';

export const MatchTier = { ExactName: 0, NamePrefix: 1, WordPrefix: 2, EmailOrCompany: 3 } as const;
export type MatchTier = (typeof MatchTier)[keyof typeof MatchTier];

/** Case, accents and spacing do not matter: "  Déepa   MENON " is "deepa menon". */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const words = (text: string) =>
  fold(text)
    .split(/[\s.\-_'@,()]+/)
    .filter(Boolean);

/** Each query word starts a different word of the name. */
function wordsStartNameWords(queryWords: string[], nameWords: string[]): boolean {
  const free = [...nameWords];
  // Longest query words first, so "de deepa" cannot spend "deepa" on "de".
  for (const word of [...queryWords].sort((a, b) => b.length - a.length)) {
    const at = free.findIndex((candidate) => candidate.startsWith(word));
    if (at < 0) return false;
    free.splice(at, 1);
  }
  return true;
}

/** The tier a contact matches `query` in, or null when it does not match at all. */
export function matchTier(contact: PickedContact, query: string): MatchTier | null {
  const q = fold(query);
  if (!q) return null;
  const name = fold(contact.name);
  if (name === q) return MatchTier.ExactName;
  if (name.startsWith(q)) return MatchTier.NamePrefix;
  const queryWords = q.split(' ');
  if (wordsStartNameWords(queryWords, words(contact.name))) return MatchTier.WordPrefix;
  const haystack = fold(`${contact.name} ${contact.email} ${contact.company ?? ''}`);
  return queryWords.every((word) => haystack.includes(word)) ? MatchTier.EmailOrCompany : null;
}

export interface RankContext {
  /** The people on the open Gmail thread or compose, in Gmail's order. */
  onPage?: readonly PickedContact[];
  /** Most recent first. */
  recent?: readonly PickedContact[];
}

/**
 * The contacts that match `query`, best first, each once. Contacts that do not match at all
 * (a fuzzy server may return them) are left out.
 */
export function rankContacts(
  candidates: readonly PickedContact[],
  query: string,
  { onPage = [], recent = [] }: RankContext = {},
): PickedContact[] {
  const closeness = (contact: PickedContact) => {
    const page = onPage.findIndex((c) => c.id === contact.id);
    if (page >= 0) return page;
    const known = recent.findIndex((c) => c.id === contact.id);
    return known >= 0 ? onPage.length + known : Number.MAX_SAFE_INTEGER;
  };
  const seen = new Set<string>();
  return candidates
    .filter((contact) => !seen.has(contact.id) && seen.add(contact.id))
    .map((contact) => ({ contact, tier: matchTier(contact, query) }))
    .filter((entry): entry is { contact: PickedContact; tier: MatchTier } => entry.tier !== null)
    .sort(
      (a, b) =>
        a.tier - b.tier ||
        closeness(a.contact) - closeness(b.contact) ||
        a.contact.name.localeCompare(b.contact.name),
    )
    .map((entry) => entry.contact);
}
