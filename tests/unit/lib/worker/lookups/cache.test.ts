/**
 * The contact cache stays bounded however many people a rep meets in a Gmail tab that is never
 * closed: the least recently used addresses and details go first, and what is in use stays.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openContactCache, type CacheEntry } from '@/lib/worker/lookups/cache';
import { CONTACT } from '../vivre/fake-vivre';

let clock = 0;
const now = () => clock;
const notFound = (email: string): CacheEntry => ({ email, status: 'not_found', fetchedAt: clock });
const details = (id: string) => ({
  contact: { ...CONTACT, id },
  deals: [],
  activities: [],
  fetchedAt: clock,
});

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory());
  clock = Date.parse('2026-06-01T09:00:00Z');
});
afterEach(() => vi.unstubAllGlobals());

describe('the contact cache', () => {
  it('never holds more than its bound of addresses, dropping the least recently used', async () => {
    const cache = openContactCache('bounded', { maxAddresses: 50, now });
    await cache.put(notFound('kept@in-use.example'));
    // Another reader, as the bench's is: the bound holds for it the moment each put is stored.
    const reader = await openDB('bounded');
    const counts: number[] = [];
    for (let i = 0; i < 100; i++) {
      clock += 60 * 60 * 1000 + 1;
      // Read on every round: a person the rep keeps seeing is never the oldest.
      await cache.get('kept@in-use.example');
      // Answers land several at a time, and the reader counts while they are stored.
      const stored = [0, 1, 2, 3].map((j) => cache.put(notFound(`person${i * 4 + j}@example.com`)));
      counts.push(...(await countsWhile(stored, () => reader.count('contacts'))));
    }
    expect(Math.max(...counts)).toBe(50);
    await settleWrites();
    const stored = await reader.getAllKeys('contacts');
    expect(stored.length).toBe(50);
    expect(stored).toContain('kept@in-use.example');
    expect(stored).toContain('person399@example.com');
    expect(stored).not.toContain('person0@example.com');
    cache.close();
  });

  it('keeps at most its bound of contacts’ details, the oldest fetched going first', async () => {
    const cache = openContactCache('bounded-details', { maxDetails: 10, now });
    await cache.putDetails(details('cnt_first'));
    const reader = await openDB('bounded-details');
    const counts: number[] = [];
    for (let i = 0; i < 30; i++) {
      clock += 1000;
      const stored = [0, 1].map((j) => cache.putDetails(details(`cnt_${i * 2 + j}`)));
      counts.push(...(await countsWhile(stored, () => reader.count('details'))));
    }
    expect(Math.max(...counts)).toBe(10);
    expect(await cache.getDetails('cnt_59')).toBeDefined();
    expect(await cache.getDetails('cnt_49')).toBeUndefined();
    cache.close();
  });

  it('gives entries cached before it had bounds a use time, so they can leave too', async () => {
    const old = await openDB('upgraded', 2, {
      upgrade(database) {
        database
          .createObjectStore('contacts', { keyPath: 'email' })
          .createIndex('contactId', 'contactId');
        database.createObjectStore('details', { keyPath: 'contact.id' });
      },
    });
    await old.put('contacts', { email: 'old@example.com', status: 'not_found', fetchedAt: 1 });
    old.close();
    const cache = openContactCache('upgraded', { maxAddresses: 1, now });
    await cache.put(notFound('new@example.com'));
    expect(await cache.get('old@example.com')).toBeUndefined();
    expect(await cache.get('new@example.com')).toMatchObject({ status: 'not_found' });
    cache.close();
  });
});

/** What `count` reads again and again while `stores` are being stored, and once after. */
async function countsWhile(stores: Promise<void>[], count: () => Promise<number>) {
  let done = false;
  void Promise.all(stores).then(() => (done = true));
  const counts: number[] = [];
  while (!done) counts.push(await count());
  return [...counts, await count()];
}

/** Reads mark their use without being awaited: let those writes land. */
async function settleWrites() {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
