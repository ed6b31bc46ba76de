/**
 * What a rep paging through 500 inbox rows costs Vivre: one request per distinct address, however
 * many rows and tabs show it, and never a 429 against a rate limit like Vivre's (120 a minute).
 * The figure is reported in docs/BENCHMARKS.md.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CacheEntry, ContactCache } from '@/lib/worker/lookups/cache';
import { createLookups } from '@/lib/worker/lookups/lookups';
import { createVivreClient } from '@/lib/worker/vivre/client';
import { createHttp } from '@/lib/worker/vivre/http';
import { createRateLimiter } from '@/lib/worker/vivre/rate-limiter';
import { CONTACT, CREDENTIALS, json, list, stubFetch } from '../vivre/fake-vivre';

const ROWS = 500;
const PAGE = 50;
const DISTINCT = 180;
const LIMIT_PER_MINUTE = 120;

/** Row i's sender: 180 addresses spread over 500 rows, as senders repeat in a real inbox. */
function senderOf(row: number): string {
  const person = (row * 37) % DISTINCT;
  return `person${person}@customer${person % 7}.example`;
}
const known = (email: string) => Number(/person(\d+)/.exec(email)![1]) % 3 !== 0;

/**
 * The worker's cache in memory: IndexedDB's fake schedules on real macrotasks, which fake
 * timers cannot drive through the minutes a rate window takes.
 */
function memoryCache(): ContactCache {
  const entries = new Map<string, CacheEntry>();
  return {
    get: async (email) => entries.get(email),
    getMany: async (emails) => emails.map((email) => entries.get(email)),
    put: async (entry) => void entries.set(entry.email, entry),
    forget: async (email) => void entries.delete(email),
    forgetContact: async () => {},
    contacts: async () => [],
    getDetails: async () => undefined,
    putDetails: async () => {},
    clear: async () => entries.clear(),
    close: () => {},
  };
}

let cache: ContactCache;
beforeEach(() => {
  cache = memoryCache();
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  vi.setSystemTime(Date.parse('2026-06-01T09:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** A Vivre that allows 120 requests a minute and says so in its headers, as the sandbox does. */
function rateLimitedVivre() {
  let windowStart = Date.now();
  let used = 0;
  let refused = 0;
  const fake = stubFetch((req) => {
    if (Date.now() - windowStart >= 60_000) [windowStart, used] = [Date.now(), 0];
    const reset = String(Math.ceil((windowStart + 60_000) / 1000));
    if (used >= LIMIT_PER_MINUTE) {
      refused++;
      const retry = String(Math.ceil((windowStart + 60_000 - Date.now()) / 1000));
      return json(
        429,
        { error: { type: 'rate_limit_error', message: 'slow down' } },
        {
          'Retry-After': retry,
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': reset,
        },
      );
    }
    used++;
    const headers = {
      'X-RateLimit-Remaining': String(LIMIT_PER_MINUTE - used),
      'X-RateLimit-Reset': reset,
    };
    const email = req.url.searchParams.get('search')!;
    const found = known(email) ? [{ ...CONTACT, id: `cnt_${email}`, email }] : [];
    return json(200, list(found), headers);
  });
  return { ...fake, refused: () => refused };
}

describe('paging through 500 inbox rows', () => {
  it('costs one request per distinct address, in two tabs, with no 429', async () => {
    const vivre = rateLimitedVivre();
    const http = createHttp({
      getCredentials: async () => CREDENTIALS,
      limiter: createRateLimiter({ maxParallel: 4 }),
    });
    const privacy = async () => ({
      autoLookup: true,
      neverLookup: [],
      ownDomain: null,
      skipOwnDomain: true,
    });
    const lookups = createLookups({ client: createVivreClient(http), cache, privacy });

    const answers: Promise<unknown>[] = [];
    for (let start = 0; start < ROWS; start += PAGE) {
      const page = Array.from({ length: PAGE }, (_, i) => senderOf(start + i));
      // Two Gmail tabs show the same page; each asks about its rows out of view, then its
      // first screenful again as visible rows.
      for (let tab = 0; tab < 2; tab++) {
        answers.push(lookups.lookup(page, { priority: 'rowOutOfView' }));
        answers.push(lookups.lookup(page.slice(0, 12), { priority: 'visibleRow' }));
      }
      await vi.advanceTimersByTimeAsync(2_000); // the rep reads the page, then pages on
    }
    // 180 requests against 120 a minute: the rest wait for the next window, not for a 429.
    await vi.advanceTimersByTimeAsync(60_000);
    await Promise.all(answers);

    const distinct = new Set(Array.from({ length: ROWS }, (_, row) => senderOf(row))).size;
    expect(vivre.refused()).toBe(0);
    expect(distinct).toBe(DISTINCT);
    expect(vivre.requests).toHaveLength(distinct);

    // Paging back through the first pages costs nothing: every answer is still fresh.
    await lookups.lookup(Array.from({ length: 100 }, (_, row) => senderOf(row)));
    expect(vivre.requests).toHaveLength(distinct);
  });
});
