/**
 * The contact cache, in the extension origin's IndexedDB so every Gmail tab shares
 * it and it survives the worker being stopped. Only the worker touches it.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ContactDetails } from '../../shared/messaging/protocol';
import type { Contact } from '../../shared/vivre/contract-types';

export type CacheEntry =
  | { email: string; status: 'found'; contact: Contact; contactId: string; fetchedAt: number }
  | { email: string; status: 'not_found'; fetchedAt: number };

const DB_NAME = 'vivre-lookups';
const STORE = 'contacts';
const DETAILS = 'details';

/**
 * Version 1: entries keyed by their (normalized) email, with an index on `contactId`, which
 * "not in Vivre" entries lack and so are never found by. Version 2 adds the last details
 * (contact, deals, activities) fetched for each contact, keyed by its id, for offline use.
 */
interface ContactCacheDB extends DBSchema {
  [STORE]: { key: string; value: CacheEntry; indexes: { contactId: string } };
  [DETAILS]: { key: string; value: ContactDetails };
}

export interface ContactCache {
  get(email: string): Promise<CacheEntry | undefined>;
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

export function openContactCache(name = DB_NAME): ContactCache {
  const db: Promise<IDBPDatabase<ContactCacheDB>> = openDB<ContactCacheDB>(name, 2, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        const store = database.createObjectStore(STORE, { keyPath: 'email' });
        store.createIndex('contactId', 'contactId');
      }
      if (oldVersion < 2) database.createObjectStore(DETAILS, { keyPath: 'contact.id' });
    },
  });

  return {
    async get(email) {
      return (await db).get(STORE, email);
    },
    async put(entry) {
      await (await db).put(STORE, entry);
    },
    async forget(email) {
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
      await (await db).put(DETAILS, details);
    },
    async clear() {
      const tx = (await db).transaction([STORE, DETAILS], 'readwrite');
      await Promise.all([tx.objectStore(STORE).clear(), tx.objectStore(DETAILS).clear(), tx.done]);
    },
    close() {
      void db.then((database) => database.close());
    },
  };
}
