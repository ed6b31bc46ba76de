/**
 * The contact cache, in the extension origin's IndexedDB so every Gmail tab shares
 * it and it survives the worker being stopped. Only the worker touches it.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { Contact } from '../../shared/vivre/contract-types';

export type CacheEntry =
  | { email: string; status: 'found'; contact: Contact; contactId: string; fetchedAt: number }
  | { email: string; status: 'not_found'; fetchedAt: number };

const DB_NAME = 'vivre-lookups';
const STORE = 'contacts';

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
  const db: Promise<IDBPDatabase> = openDB(name, 1, {
    upgrade(database) {
      const store = database.createObjectStore(STORE, { keyPath: 'email' });
      store.createIndex('contactId', 'contactId');
    },
  });

  return {
    async get(email) {
      return (await (await db).get(STORE, email)) as CacheEntry | undefined;
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
