/**
 * The worker's own storage (lib/worker/storage/): the items of the storage table's `worker`
 * area, read from one of our extension pages, which share the worker's origin and so its
 * IndexedDB. Content scripts cannot open it.
 */
import { WORKER_DB_NAME } from '@/lib/worker/storage/db';
import { evaluate, type ExtensionPage } from './messaging';

/** The stored value of a `worker:` item (`held-email-logs`), or undefined when none is kept. */
export function workerItemValue<T>(page: ExtensionPage, item: string): Promise<T | undefined> {
  return evaluate(
    page,
    ([name, database]) =>
      new Promise<T | undefined>((resolve, reject) => {
        const open = indexedDB.open(database);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('items')) return (resolve(undefined), db.close());
          const read = db.transaction('items').objectStore('items').get(name);
          read.onsuccess = () => (resolve(read.result as T | undefined), db.close());
          read.onerror = () => reject(read.error);
        };
      }),
    [item, WORKER_DB_NAME] as const,
  );
}

/** The send ids the worker holds through Gmail's Undo window. */
export async function heldSendIds(page: ExtensionPage): Promise<string[]> {
  return Object.keys((await workerItemValue<object>(page, 'held-email-logs')) ?? {});
}
