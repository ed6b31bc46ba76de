/**
 * The worker's own storage (lib/worker/storage/): the items of the storage table's `worker`
 * area, read from one of our extension pages, which share the worker's origin and so its
 * IndexedDB. Content scripts cannot open it.
 */
import { WORKER_DB_NAME } from '@/lib/worker/storage/db';
import type { Page } from 'playwright-core';
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

/** Puts `value` as a `worker:` item, as the worker would (to move a held send's time). */
export function setWorkerItemValue(page: ExtensionPage, item: string, value: unknown) {
  return evaluate(
    page,
    ([name, database, stored]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(database);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('items', 'readwrite');
          tx.objectStore('items').put(stored, name);
          tx.oncomplete = () => (resolve(), db.close());
          tx.onerror = () => reject(tx.error);
        };
      }),
    [item, WORKER_DB_NAME, value] as const,
  );
}

/**
 * The worker's clock moved on: every held send's time has come, and the held-sends alarm is set
 * to ring now (an unpacked extension's alarm may ring at once), as it would at that time.
 */
export async function heldSendsComeDue(page: ExtensionPage): Promise<void> {
  const held =
    (await workerItemValue<Record<string, { commitAt: number }>>(page, 'held-email-logs')) ?? {};
  const due = Object.fromEntries(
    Object.entries(held).map(([id, send]) => [id, { ...send, commitAt: Date.now() - 1 }]),
  );
  await setWorkerItemValue(page, 'held-email-logs', due);
  await (page as Page).evaluate(
    // HELD_SENDS_ALARM of lib/worker/email-logging/held-sends-store.ts
    `chrome.alarms.create('vivre-held-sends', { when: Date.now() })`,
  );
}
