/**
 * The contact cache knows in memory which addresses it may hold (lib/worker/lookups/cached-addresses.ts):
 * a lookup of people it never stored goes to Vivre without waiting for IndexedDB, and nothing it
 * does hold is ever missed, whatever the order of writes, clears and worker restarts.
 */
import 'fake-indexeddb/auto';
import { IDBDatabase, IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openContactCache, type CacheEntry, type ContactCache } from '@/lib/worker/lookups/cache';
import { createCachedAddresses } from '@/lib/worker/lookups/cached-addresses';
import { CONTACT } from '../vivre/fake-vivre';

const notFound = (email: string): CacheEntry => ({ email, status: 'not_found', fetchedAt: 1 });
const found = (email: string, contactId: string): CacheEntry => ({
  email,
  status: 'found',
  contact: { ...CONTACT, id: contactId, email },
  contactId,
  fetchedAt: 1,
});

beforeEach(() => vi.stubGlobal('indexedDB', new IDBFactory()));
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** Transactions the cache opens while `run` runs. */
async function transactionsDuring(run: () => Promise<unknown>) {
  const opened = vi.spyOn(IDBDatabase.prototype, 'transaction');
  await run();
  const count = opened.mock.calls.length;
  opened.mockRestore();
  return count;
}

describe('the addresses the contact cache knows it holds', () => {
  it('answers people it never stored without reading the database, and reads for those it did', async () => {
    const cache = openContactCache('index');
    await cache.put(notFound('known@example.com'));
    await cache.getMany(['someone@example.com']); // the first read loads the index
    expect(
      await transactionsDuring(async () =>
        expect(await cache.getMany(['new@example.com', 'other@example.com'])).toEqual([
          undefined,
          undefined,
        ]),
      ),
    ).toBe(0);
    expect(
      await transactionsDuring(async () =>
        expect(await cache.getMany(['new@example.com', 'known@example.com'])).toEqual([
          undefined,
          expect.objectContaining({ email: 'known@example.com' }),
        ]),
      ),
    ).toBe(1);
    cache.close();
  });

  it('after a restart, finds what the worker stored before it', async () => {
    const before = openContactCache('restart');
    await before.put(notFound('kept@example.com'));
    before.close();
    const after = openContactCache('restart');
    // Asked twice: once while the index is being read, once after.
    for (let i = 0; i < 2; i++) {
      expect(await after.get('kept@example.com')).toMatchObject({ status: 'not_found' });
      expect(await after.get('new@example.com')).toBeUndefined();
    }
    after.close();
  });

  it('never misses an entry, whatever runs at once with what (a model of the cache)', async () => {
    const emails = ['a@x.example', 'b@x.example', 'c@y.example', 'd@y.example'];
    type Step =
      | { op: 'put'; email: string; contact: string }
      | { op: 'forget' | 'get'; email: string }
      | { op: 'forgetContact'; contact: string }
      | { op: 'clear' | 'restart' };
    const email = fc.constantFrom(...emails);
    const contact = fc.constantFrom('cnt_1', 'cnt_2');
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ op: fc.constant('put' as const), email, contact }),
      fc.record({ op: fc.constantFrom('forget' as const, 'get' as const), email }),
      fc.record({ op: fc.constant('forgetContact' as const), contact }),
      fc.record({ op: fc.constantFrom('clear' as const, 'restart' as const) }),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(step, fc.boolean()), { maxLength: 40 }), async (steps) => {
        const name = `model-${run++}`;
        let cache: ContactCache = openContactCache(name);
        const model = new Map<string, string>(); // email → contact id
        const pending: Promise<unknown>[] = [];
        const checks: Promise<void>[] = [];
        for (const [s, awaited] of steps) {
          let done: Promise<unknown> = Promise.resolve();
          if (s.op === 'put') {
            model.set(s.email, s.contact);
            done = cache.put(found(s.email, s.contact));
          } else if (s.op === 'forget') {
            model.delete(s.email);
            done = cache.forget(s.email);
          } else if (s.op === 'forgetContact') {
            for (const [e, c] of model) if (c === s.contact) model.delete(e);
            done = cache.forgetContact(s.contact);
          } else if (s.op === 'clear') {
            model.clear();
            done = cache.clear();
          } else if (s.op === 'restart') {
            await Promise.all(pending);
            cache.close();
            cache = openContactCache(name);
          } else {
            const expected = emails.map((e) => model.get(e));
            const read = cache.getMany(emails);
            done = read;
            checks.push(
              read.then((entries) =>
                expect(
                  entries.map((entry) => entry && entry.status === 'found' && entry.contactId),
                ).toEqual(expected.map((id) => id ?? undefined)),
              ),
            );
          }
          pending.push(done);
          if (awaited) await done;
        }
        await Promise.all([...pending, ...checks]);
        const entries = await cache.getMany(emails);
        expect(
          entries.map((entry) => entry && entry.status === 'found' && entry.contactId),
        ).toEqual(emails.map((e) => model.get(e)));
        cache.close();
      }),
      { numRuns: 150 },
    );
  });

  it('stays bounded after 20,000 distinct addresses: twice the cache’s bound, and what came while it read', async () => {
    const stored: string[] = [];
    const known = createCachedAddresses(async () => stored.slice(-50), 50);
    known.holdsNone(['first@example.com']);
    await Promise.resolve();
    const sizes: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const address = `person${i}@example.com`;
      stored.push(address);
      known.added(address);
      // Ten stores at once, then a turn of the event loop, in which a read of the database lands.
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
      sizes.push(known.size());
    }
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2 * 50 + 10);
    expect(Math.max(...sizes)).toBeGreaterThan(50); // it did hold what was stored
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(known.holdsNone(['person19999@example.com'])).toBe(false);
    expect(known.holdsNone(['never@example.com'])).toBe(true);
  });
});
