/**
 * The contact cache, in the extension origin's IndexedDB so every Gmail tab shares
 * it and it survives the worker being stopped. Only the worker touches it.
 *
 * Bounded, because a rep never closes Gmail: at most MAX_CACHED_ADDRESSES addresses and
 * MAX_CACHED_DETAILS contacts' details, the least recently used going first. An address counts
 * as used when it is stored or read; a read marks it at most once an hour, so reading does not
 * turn every chip into a write. Each store trims in its own transaction, so the bounds hold at
 * every read.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ContactDetails } from '../../shared/messaging/protocol';
import type { Contact } from '../../shared/vivre/contract-types';
import { createCachedAddresses } from './cached-addresses';

export type CacheEntry = (
  | { email: string; status: 'found'; contact: Contact; contactId: string; fetchedAt: number }
  | { email: string; status: 'not_found'; fetchedAt: number }
) & {
  /** When it was last stored or read (set by the cache). */
  usedAt?: number;
};

/** A few weeks of a busy rep's correspondents; each entry is well under a kilobyte. */
export const MAX_CACHED_ADDRESSES = 5000;
/** Details hold deals and activities: fewer of them, for the people the rep opens. */
export const MAX_CACHED_DETAILS = 500;
const USE_MARK_EVERY_MS = 60 * 60 * 1000;

const DB_NAME = 'vivre-lookups';
const STORE = 'contacts';
const DETAILS = 'details';

/**
 * Version 1: entries keyed by their (normalized) email, with an index on `contactId`, which
 * "not in Vivre" entries lack and so are never found by. Version 2 adds the last details
 * (contact, deals, activities) fetched for each contact, keyed by its id, for offline use.
 * Version 3 indexes when each was last used (addresses) or fetched (details), to drop the
 * oldest beyond the bounds.
 */
interface ContactCacheDB extends DBSchema {
  [STORE]: { key: string; value: CacheEntry; indexes: { contactId: string; usedAt: number } };
  [DETAILS]: { key: string; value: ContactDetails; indexes: { fetchedAt: number } };
}

export interface CacheBounds {
  maxAddresses?: number;
  maxDetails?: number;
  now?: () => number;
}

export interface ContactCache {
  get(email: string): Promise<CacheEntry | undefined>;
  /** Each address's entry, in order. */
  getMany(emails: string[]): Promise<Array<CacheEntry | undefined>>;
  put(entry: CacheEntry): Promise<void>;
  forget(email: string): Promise<void>;
  /** Drops every address cached for this contact (the extension just changed it). */
  forgetContact(contactId: string): Promise<void>;
  /** Every contact found in Vivre that is cached, by address or with its details. */
  contacts(): Promise<Array<{ contact: Contact; fetchedAt: number }>>;
  getDetails(contactId: string): Promise<ContactDetails | undefined>;
  putDetails(details: ContactDetails): Promise<void>;
  clear(): Promise<void>;
  close(): void;
}

export function openContactCache(name = DB_NAME, bounds: CacheBounds = {}): ContactCache {
  const {
    maxAddresses = MAX_CACHED_ADDRESSES,
    maxDetails = MAX_CACHED_DETAILS,
    now = Date.now,
  } = bounds;
  const db: Promise<IDBPDatabase<ContactCacheDB>> = openDB<ContactCacheDB>(name, 3, {
    async upgrade(database, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        const store = database.createObjectStore(STORE, { keyPath: 'email' });
        store.createIndex('contactId', 'contactId');
      }
      if (oldVersion < 2) database.createObjectStore(DETAILS, { keyPath: 'contact.id' });
      if (oldVersion < 3) {
        const addresses = tx.objectStore(STORE);
        addresses.createIndex('usedAt', 'usedAt');
        tx.objectStore(DETAILS).createIndex('fetchedAt', 'fetchedAt');
        // Entries from before have no use time: their fetch time is the best guess.
        for (let cursor = await addresses.openCursor(); cursor; cursor = await cursor.continue())
          await cursor.update({ ...cursor.value, usedAt: cursor.value.fetchedAt });
      }
    },
  });

  const knownAddresses = createCachedAddresses(
    async () => (await db).getAllKeys(STORE),
    maxAddresses,
  );

  /** Marks a read, unless a newer answer replaced the entry meanwhile (that one is newer still). */
  async function markUsed(email: string, fetchedAt: number): Promise<void> {
    const tx = (await db).transaction(STORE, 'readwrite');
    const current = await tx.store.get(email);
    if (current?.fetchedAt === fetchedAt) await tx.store.put({ ...current, usedAt: now() });
    await tx.done;
  }

  /** One transaction for all: a thread's people are read at once, and their requests go together. */
  async function getMany(emails: string[]): Promise<Array<CacheEntry | undefined>> {
    if (emails.length === 0 || knownAddresses.holdsNone(emails)) return emails.map(() => undefined);
    const tx = (await db).transaction(STORE);
    const entries = await Promise.all(emails.map((email) => tx.store.get(email)));
    for (const entry of entries) {
      if (entry && now() - (entry.usedAt ?? 0) > USE_MARK_EVERY_MS)
        void markUsed(entry.email, entry.fetchedAt).catch(() => undefined);
    }
    return entries;
  }

  return {
    get: async (email) => (await getMany([email]))[0],
    getMany,
    async put(entry) {
      knownAddresses.added(entry.email);
      const tx = (await db).transaction(STORE, 'readwrite');
      await tx.store.put({ ...entry, usedAt: now() });
      await dropBeyond(maxAddresses, await tx.store.count(), () =>
        tx.store.index('usedAt').openCursor(),
      );
      await tx.done;
    },
    async forget(email) {
      knownAddresses.removed(email);
      await (await db).delete(STORE, email);
    },
    async forgetContact(contactId) {
      const tx = (await db).transaction(STORE, 'readwrite');
      for (const key of await tx.store.index('contactId').getAllKeys(contactId))
        await tx.store.delete(key);
      await tx.done;
    },
    async contacts() {
      const database = await db;
      const [entries, details] = await Promise.all([
        database.getAll(STORE),
        database.getAll(DETAILS),
      ]);
      return [
        ...details.map(({ contact, fetchedAt }) => ({ contact, fetchedAt })),
        ...entries.flatMap((entry) =>
          entry.status === 'found' ? [{ contact: entry.contact, fetchedAt: entry.fetchedAt }] : [],
        ),
      ];
    },
    async getDetails(contactId) {
      return (await db).get(DETAILS, contactId);
    },
    async putDetails(details) {
      const tx = (await db).transaction(DETAILS, 'readwrite');
      await tx.store.put(details);
      await dropBeyond(maxDetails, await tx.store.count(), () =>
        tx.store.index('fetchedAt').openCursor(),
      );
      await tx.done;
    },
    async clear() {
      knownAddresses.cleared();
      const tx = (await db).transaction([STORE, DETAILS], 'readwrite');
      await Promise.all([tx.objectStore(STORE).clear(), tx.objectStore(DETAILS).clear(), tx.done]);
    },
    close() {
      void db.then((database) => database.close());
    },
  };
}

interface DeletableCursor {
  delete(): Promise<void>;
  continue(): Promise<DeletableCursor | null>;
}

/** Deletes the first records `oldest` walks (a time index) until `count` is down to `max`. */
async function dropBeyond(
  max: number,
  count: number,
  oldest: () => Promise<DeletableCursor | null>,
): Promise<void> {
  if (count <= max) return;
  let cursor = await oldest();
  for (let left = count - max; cursor && left > 0; left--) {
    await cursor.delete();
    cursor = await cursor.continue();
  }
}
