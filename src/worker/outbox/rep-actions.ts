/** What the rep can do to an item from the "needs attention" list, and housekeeping. */
import type { WriteRequest } from '../../shared/messaging/protocol';
import { createdTempId, referencedIds } from '../vivre/write-kinds';
import { stateRange, strictWrite, type OutboxDatabase } from './db';
import { discardedDependencyError, OutboxError } from './store';
import type { OutboxItem } from './types';

/** What a rep may change when retrying: the note of an activity, and nothing else. */
export interface RetryEdit {
  note?: string;
}

/** The same write with its note replaced; its kind, target and every other field stay. */
function withNote(write: WriteRequest, note: string): WriteRequest {
  if (write.kind !== 'logActivity') {
    throw new OutboxError('Only the note of an activity can be edited.');
  }
  const { note: _old, ...body } = write.body;
  return { ...write, body: note === '' ? body : { ...body, note } };
}

/**
 * Sends the item again as soon as possible, optionally with a corrected note.
 *
 * Retrying an item that needs attention gives it a NEW idempotency key. Its last attempt
 * was refused outright (4xx), which proves the server did not create anything under the
 * old key; but the server remembers that refusal under the old key and would replay it,
 * or reject an edited body as "key reused with different parameters". A waiting item
 * (whose last outcome may be unknown) always keeps its key and cannot be edited.
 */
export async function retryItem(
  db: OutboxDatabase,
  id: string,
  edit: RetryEdit,
  now: number,
): Promise<OutboxItem> {
  const tx = strictWrite(db, ['items', 'meta']);
  const item = await tx.objectStore('items').get(id);
  if (!item) throw new OutboxError('This item is no longer in the outbox.');
  if (item.state === 'synced') throw new OutboxError('This item has already reached Vivre.');
  if (edit.note !== undefined && item.state !== 'attention') {
    throw new OutboxError('Only items that need attention can be edited.');
  }
  const write = edit.note === undefined ? item.write : withNote(item.write, edit.note);
  const { lastError: _cleared, ...rest } = item;
  const retried: OutboxItem =
    item.state === 'attention'
      ? {
          ...rest,
          write,
          state: 'waiting',
          attempts: 0,
          nextAttemptAt: now,
          idempotencyKey: crypto.randomUUID(),
        }
      : { ...item, nextAttemptAt: now };
  await tx.objectStore('items').put(retried);
  // The rep asked for now: lift an offline hold too (a 429 answer would simply set it again).
  await tx.objectStore('meta').put(0, 'notBefore');
  await tx.done;
  return retried;
}

/**
 * Removes an unsynced item. If it created a contact or deal that later writes refer to,
 * those move to "needs attention" rather than vanish: the rep decides about each.
 */
export async function discardItem(db: OutboxDatabase, id: string): Promise<void> {
  const tx = strictWrite(db, ['items', 'tempIds']);
  const items = tx.objectStore('items');
  const item = await items.get(id);
  if (!item) return;
  if (item.state === 'synced') throw new OutboxError('This item has already reached Vivre.');
  await items.delete(id);
  const tempId = createdTempId(item.write);
  if (tempId) {
    await tx.objectStore('tempIds').put({ tempId, itemId: id, realId: null, discarded: true });
    for (const other of await items.index('by-state-seq').getAll(stateRange('waiting'))) {
      if (referencedIds(other.write).includes(tempId)) {
        await items.put({ ...other, state: 'attention', lastError: discardedDependencyError });
      }
    }
  }
  await tx.done;
}

/**
 * Keeps the newest `keep` synced items (the UI shows them as "Synced") and forgets older
 * ones, with their temporary-id mappings unless an unsynced item still refers to them.
 */
export async function pruneSynced(db: OutboxDatabase, keep: number): Promise<void> {
  const tx = strictWrite(db, ['items', 'tempIds']);
  const index = tx.objectStore('items').index('by-state-seq');
  let excess = (await index.count(stateRange('synced'))) - keep;
  if (excess <= 0) return tx.done;
  const [waiting, attention] = await Promise.all([
    index.getAll(stateRange('waiting')),
    index.getAll(stateRange('attention')),
  ]);
  const stillReferenced = new Set(
    [...waiting, ...attention].flatMap((i) => referencedIds(i.write)),
  );
  let cursor = await index.openCursor(stateRange('synced'));
  while (cursor && excess > 0) {
    const tempId = createdTempId(cursor.value.write);
    if (tempId && !stillReferenced.has(tempId)) await tx.objectStore('tempIds').delete(tempId);
    await cursor.delete();
    excess--;
    cursor = await cursor.continue();
  }
  await tx.done;
}
