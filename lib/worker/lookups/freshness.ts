/**
 * How long a cached answer is good for. Fresh: served with no request. Stale: served
 * at once and refreshed in the background. Older: looked up again before answering.
 * "Not in Vivre" ages faster — the rep may be about to add that person.
 */
import type { CacheEntry } from './cache';

const MINUTE = 60_000;

export const FRESH_MS = { found: 10 * MINUTE, not_found: 2 * MINUTE } as const;
export const STALE_MS = { found: 7 * 24 * 60 * MINUTE, not_found: 60 * MINUTE } as const;

export type Freshness = 'fresh' | 'stale' | 'expired';

export function freshness(entry: CacheEntry, now: number): Freshness {
  const age = now - entry.fetchedAt;
  if (age < 0) return 'expired'; // A clock that went backwards: trust nothing.
  if (age < FRESH_MS[entry.status]) return 'fresh';
  return age < STALE_MS[entry.status] ? 'stale' : 'expired';
}
