/**
 * The worker's own database: the items of the storage table's `worker` area
 * (lib/shared/storage/table.ts), in the extension origin's IndexedDB. Content scripts run in
 * Gmail's origin and cannot open it, so nothing Gmail's page makes our content script do can
 * change what is kept here: the preferences that decide what is looked up and logged, the app
 * URL every card links to, held sends and the marks of messages already logged.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export const WORKER_DB_NAME = 'vivre-worker';

/** Version 1. */
export interface WorkerDB extends DBSchema {
  /** Item key (`privacy`) → its value. Each item's type is its table entry's (./items.ts). */
  items: { key: string; value: unknown };
  /**
   * Item key → true once the worker owns the item here: it adopted the earlier version's
   * storage.local value (or found none), or wrote the item. From then on storage.local is never
   * read for it.
   */
  owned: { key: string; value: true };
}

export type WorkerDatabase = IDBPDatabase<WorkerDB>;

let opened: { factory: IDBFactory; db: Promise<WorkerDatabase> } | undefined;

/**
 * The one connection, opened on first use. Opened again only if the global IndexedDB factory is
 * another one than it was opened on: a worker has one for its life; unit tests give each worker
 * they start a fresh, empty one.
 */
export function workerDb(): Promise<WorkerDatabase> {
  if (opened?.factory !== indexedDB) {
    const db = openDB<WorkerDB>(WORKER_DB_NAME, 1, {
      upgrade(database) {
        database.createObjectStore('items');
        database.createObjectStore('owned');
      },
    });
    opened = { factory: indexedDB, db };
  }
  return opened.db;
}
