/**
 * The contact cache, in the extension origin's IndexedDB so every Gmail tab shares
 * it and it survives the worker being stopped. Only the worker touches it.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Contact } from '../../shared/vivre/contract-types';

export type CacheEntry =
  | { email: string; status: 'found'; contact: Contact; contactId: string; fetchedAt: number }
  | { email: string; status: 'not_found'; fetchedAt: number };

const DB_NAME = 'vivre-lookups';
const STORE = 'contacts';

/**
 * Version 1, as installs have it: entries keyed by their (normalized) email, with an index on
 * `contactId`, which "not in Vivre" entries lack and so are never found by.
 */
interface ContactCacheDB extends DBSchema {
  [STORE]: { key: string; value: CacheEntry; indexes: { contactId: string } };
}

export interface ContactCache {
  get(email: string): Promise<CacheEntry | undefined>;
  put(entry: CacheEntry): Promise<void>;
  forget(email: string): Promise<void>;
  /** Drops every address cached for this contact (the extension just changed it). */
  forgetContact(contactId: string): Promise<void>;
  clear(): Promise<void>;
  close(): void;
}

export function openContactCache(name = DB_NAME): ContactCache {
  const db: Promise<IDBPDatabase<ContactCacheDB>> = openDB<ContactCacheDB>(name, 1, {
    upgrade(database) {
      const store = database.createObjectStore(STORE, { keyPath: 'email' });
      store.createIndex('contactId', 'contactId');
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
    async clear() {
      await (await db).clear(STORE);
    },
    close() {
      void db.then((database) => database.close());
    },
  };
}
