/**
 * The disk commits of the deliveries in flight, shared. Each strict commit waits for a disk
 * flush, and IndexedDB runs transactions over the same stores one after another, so with
 * several deliveries in flight their write-ahead marks and outcomes queued up behind each
 * other, one flush apiece. Here a change asked for while a commit runs waits for the next
 * one, together with every other change asked for meanwhile: one flush for all of them.
 * Each caller still resolves only once its own change is on disk, so the write-ahead rule
 * (uncertain on disk before the request leaves) is unchanged. Alone, a change commits at once.
 */
import type { IDBPTransaction } from 'idb';
import { strictWrite, type OutboxDatabase, type OutboxDB } from './db';

export type DeliveryTx = IDBPTransaction<OutboxDB, ('items' | 'tempIds' | 'meta')[], 'readwrite'>;

export interface GroupCommit {
  /**
   * Runs `change` in the next shared transaction, after the changes queued before it (so
   * running counts are read and written in turn), and resolves once that transaction is on
   * disk. `change` must await only requests of `tx`. If any change of the batch fails, the
   * whole transaction is undone and every change of it rejects.
   */
  run<T>(change: (tx: DeliveryTx) => Promise<T>): Promise<T>;
}

interface Queued {
  change: (tx: DeliveryTx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export function createGroupCommit(db: OutboxDatabase): GroupCommit {
  let queued: Queued[] = [];
  let committing = false;

  async function commitQueued(): Promise<void> {
    committing = true;
    while (queued.length > 0) {
      const batch = queued;
      queued = [];
      const tx = strictWrite(db, ['items', 'tempIds', 'meta']);
      const results: unknown[] = [];
      try {
        for (const { change } of batch) results.push(await change(tx));
        await tx.done;
        batch.forEach(({ resolve }, n) => resolve(results[n]));
      } catch (error) {
        tx.done.catch(() => undefined);
        try {
          tx.abort();
        } catch {
          // Already finished or aborted: nothing of it was kept either way.
        }
        for (const { reject } of batch) reject(error);
      }
    }
    committing = false;
  }

  return {
    run<T>(change: (tx: DeliveryTx) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queued.push({ change, resolve: resolve as (value: unknown) => void, reject });
        if (!committing) void commitQueued();
      });
    },
  };
}
