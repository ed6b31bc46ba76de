/** What the rep can do to an item from the "needs attention" list, and housekeeping. */
import type { WriteRequest } from '../../shared/messaging/protocol';
import { createdTempId, referencedIds } from '../vivre/write-kinds';
import { stateRange, strictWrite, type OutboxDatabase } from './db';
import { discardedDependencyError, OutboxError, releaseBytes } from './store';
import type { ConnectionStamp, OutboxItem, RetryEdit } from './types';
import { recount, type Move } from './counted';

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
 *
 * A parked item (see ParkReason) was never refused, so it keeps its key: one that may
 * already be in Vivre goes as the rep decided, without another read-back (`checked`);
 * one made for another connection goes back to waiting for that connection (the
 * deliverer refuses any other, so it parks again unless the settings or a re-entered key
 * provide it).
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
  const { lastError: _cleared, parked: _unparked, ...rest } = item;
  if (item.parked && edit.note !== undefined) {
    throw new OutboxError('Only items Vivre refused can be edited.');
  }
  const retried: OutboxItem = item.parked
    ? {
        ...rest,
        state: 'waiting',
        nextAttemptAt: now,
        ...(item.parked === 'uncertain' ? { checked: true } : {}),
      }
    : item.state === 'attention'
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
  const index = tx.objectStore('items').index('by-state-seq');
  await recount(tx.objectStore('meta'), index, [[item.state, retried.state]]);
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
  const tx = strictWrite(db, ['items', 'tempIds', 'meta']);
  const items = tx.objectStore('items');
  const item = await items.get(id);
  if (!item) return;
  if (item.state === 'synced') throw new OutboxError('This item has already reached Vivre.');
  await items.delete(id);
  await releaseBytes(tx.objectStore('meta'), item);
  const moves: Move[] = [[item.state, undefined]];
  const tempId = createdTempIdOf(item);
  if (tempId) {
    await tx.objectStore('tempIds').put({ tempId, itemId: id, realId: null, discarded: true });
    for (const other of await items.index('by-state-seq').getAll(stateRange('waiting'))) {
      if (referencedIds(other.write).includes(tempId)) {
        await items.put({ ...other, state: 'attention', lastError: discardedDependencyError });
        moves.push(['waiting', 'attention']);
      }
    }
  }
  await recount(tx.objectStore('meta'), items.index('by-state-seq'), moves);
  await tx.done;
}

/** A damaged record (see sound-item.ts) can still be discarded: it just created nothing. */
function createdTempIdOf(item: OutboxItem): string | undefined {
  try {
    return createdTempId(item.write);
  } catch {
    return undefined;
  }
}

export async function connectionOf(
  db: OutboxDatabase,
  id: string,
): Promise<ConnectionStamp | null> {
  return (await db.get('items', id))?.connection ?? null;
}

/**
 * Same Vivre and same workspace: where a write lands. A new key for the same workspace (a
 * rotated or re-issued one, the usual answer to a 401) is the same connection; the key
 * fingerprint says which key a write was made with, for the rep, not where it may go.
 */
export const sameConnection = (a: ConnectionStamp | undefined, b: ConnectionStamp): boolean =>
  a?.baseUrl === b.baseUrl && a.workspaceId === b.workspaceId;

/**
 * The rep entered the key of `connection` again: every item parked for it waits to be sent
 * (the deliverer now holds that key). Returns how many.
 */
export async function releaseConnection(
  db: OutboxDatabase,
  connection: ConnectionStamp,
  now: number,
): Promise<number> {
  const tx = strictWrite(db, ['items', 'meta']);
  const items = tx.objectStore('items');
  const moves: Move[] = [];
  for (const item of await items.index('by-state-seq').getAll(stateRange('attention'))) {
    if (item.parked !== 'connection' || !sameConnection(item.connection, connection)) continue;
    const { lastError: _cleared, parked: _unparked, ...rest } = item;
    await items.put({ ...rest, state: 'waiting', nextAttemptAt: now });
    moves.push(['attention', 'waiting']);
  }
  await recount(tx.objectStore('meta'), items.index('by-state-seq'), moves);
  await tx.done;
  const released = moves.length;
  return released;
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
    const tempId = createdTempIdOf(cursor.value);
    if (tempId && !stillReferenced.has(tempId)) await tx.objectStore('tempIds').delete(tempId);
    await cursor.delete();
    excess--;
    cursor = await cursor.continue();
  }
  await tx.done;
}
