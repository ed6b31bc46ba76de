/**
 * How urgently the content script wants a lookup, so the worker's one request scheduler
 * (lib/worker/vivre/rate-limiter.ts) can serve the rep first: people of the open thread and
 * compose windows, then list rows on screen, then list rows out of view. Writes outrank all of
 * them and are not named here: only the worker sends them.
 */
export const LOOKUP_PRIORITIES = ['open', 'visibleRow', 'rowOutOfView'] as const;

export type LookupPriority = (typeof LOOKUP_PRIORITIES)[number];

/** Lists are looked up at these priorities; the scheduler keeps room for everything else. */
export function isListPriority(priority: LookupPriority): boolean {
  return priority !== 'open';
}
