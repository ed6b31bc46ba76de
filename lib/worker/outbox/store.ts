/**
 * Every read and write of the outbox database. Each function is one transaction (or one
 * change within a delivery's shared transaction, group-commit.ts), so an item's state, its
 * temporary-id mapping and the outbox meta never disagree on disk.
 */
import type { RepError, WriteRequest, WriteStatus } from '../../shared/messaging/protocol';
import { changedIds, createdTempId, referencedIds } from '../vivre/write-kinds';
import { putMeta, readMeta, strictWrite, type OutboxDatabase, type OutboxMeta } from './db';
import type { Snapshot } from './blockers';
import type { DamagedItemView } from '../../shared/messaging/protocol';
import type { ConnectionStamp, OutboxItem, TempIdEntry } from './types';
import { writeStatusOf } from './item-status';
import { MAX_BYTES, MAX_ITEMS, OUTBOX_FULL_MESSAGE } from './limits';
import { gateOf, readGateFields, type PassGate } from './gate';
import { isSoundItem } from './sound-item';
import { readCounted, recount } from './counted';
import type { DeliveryTx } from './group-commit';

export class OutboxError extends Error {
  override name = 'OutboxError';
}

export const discardedDependencyError: RepError = {
  kind: 'validation',
  message:
    'The contact or deal this refers to was discarded before it reached Vivre. Edit it to pick another one, or discard it.',
};

export interface AddOptions {
  summary: string;
  now: number;
  connection: ConnectionStamp | null;
  maxItems?: number;
  maxBytes?: number;
}

export async function addItem(
  db: OutboxDatabase,
  write: WriteRequest,
  { summary, now, connection, maxItems = MAX_ITEMS, maxBytes = MAX_BYTES }: AddOptions,
): Promise<{ item: OutboxItem; gate: PassGate }> {
  const tx = strictWrite(db, ['items', 'tempIds', 'meta']);
  const meta = tx.objectStore('meta');
  const index = tx.objectStore('items').index('by-state-seq');
  const [seqBefore, bytes, { waiting, attention }, fields] = await Promise.all([
    readMeta(meta, 'seq'),
    readMeta(meta, 'bytes'),
    readCounted(meta, index),
    readGateFields(meta), // what a pass would ask next, as of this write (./gate.ts)
  ]);
  const seq = seqBefore + 1;
  const draft: OutboxItem = {
    id: crypto.randomUUID(),
    idempotencyKey: crypto.randomUUID(),
    write,
    seq,
    state: 'waiting',
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
    summary,
    ...(connection ? { connection } : {}),
  };
  const item: OutboxItem = { ...draft, size: JSON.stringify(draft).length };
  const refuse = (message: string) => {
    tx.done.catch(() => undefined); // the abort below rejects it; the throw says why
    tx.abort();
    return new OutboxError(message);
  };
  // Full: the write is refused with a sentence the rep can act on (the form keeps the note).
  if (waiting + attention >= maxItems || bytes + item.size! > maxBytes) {
    throw refuse(OUTBOX_FULL_MESSAGE);
  }
  const tempId = createdTempId(write);
  if (tempId) {
    if (await tx.objectStore('tempIds').get(tempId)) {
      throw refuse(`Temporary id ${tempId} is already in use`);
    }
    await tx.objectStore('tempIds').put({ tempId, itemId: item.id, realId: null });
  }
  await putMeta(meta, { seq, bytes: bytes + item.size! });
  const counts = await recount(meta, index, [[undefined, 'waiting']]);
  await tx.objectStore('items').add(item);
  await tx.done;
  return { item, gate: gateOf(counts, fields, now) };
}

export interface OutboxSnapshot extends Snapshot {
  paused: RepError | null;
  notBefore: number;
  /** The few synced items still kept, for the UI's "Synced" list. */
  synced: OutboxItem[];
  /** Records that are not sound items: never planned or sent, shown so the rep can discard them. */
  damaged: DamagedItemView[];
}

export async function readState(db: OutboxDatabase): Promise<OutboxSnapshot> {
  const tx = db.transaction(['items', 'tempIds', 'meta']);
  // One sweep of the store beats two index ranges: only the last few synced items are kept.
  const [items, tempIds, paused, notBefore] = await Promise.all([
    tx.objectStore('items').getAll(),
    tx.objectStore('tempIds').getAll(),
    readMeta(tx.objectStore('meta'), 'paused'),
    readMeta(tx.objectStore('meta'), 'notBefore'),
  ]);
  // One damaged record must not stall every write or break the list: set it aside.
  const sound: OutboxItem[] = [];
  const damaged: DamagedItemView[] = [];
  for (const item of items as unknown[]) {
    if (isSoundItem(item)) sound.push(item);
    else damaged.push(describeDamaged(item));
  }
  return {
    items: sound.filter((item) => item.state !== 'synced').sort((a, b) => a.seq - b.seq),
    synced: sound.filter((item) => item.state === 'synced'),
    damaged,
    tempIds: new Map(tempIds.map((entry) => [entry.tempId, entry])),
    paused,
    notBefore,
  };
}

function describeDamaged(record: unknown): DamagedItemView {
  const { id, summary } = (record ?? {}) as { id?: unknown; summary?: unknown };
  return {
    id: String(id),
    summary: typeof summary === 'string' ? summary : 'A queued write that can no longer be read',
  };
}

/**
 * Marks the item synced and, for a create, records the real id in the same transaction:
 * there is no moment on disk where the record exists in Vivre but its dependants
 * could be sent with the temporary id, or the item could be sent a second time.
 */
export async function recordSuccess(
  tx: DeliveryTx,
  itemId: string,
  result: NonNullable<OutboxItem['result']>,
  now: number,
): Promise<OutboxItem | undefined> {
  const item = await tx.objectStore('items').get(itemId);
  // Discarded (or synced by another context) while in flight: nothing left to record.
  if (!item || item.state === 'synced') return undefined;
  const { lastError: _dropped, uncertain: _known, parked: _done, ...rest } = item;
  await releaseBytes(tx.objectStore('meta'), item);
  await recount(tx.objectStore('meta'), tx.objectStore('items').index('by-state-seq'), [
    [item.state, 'synced'],
  ]);
  const synced: OutboxItem = {
    ...rest,
    state: 'synced',
    attempts: item.attempts + 1,
    syncedAt: now,
    result,
  };
  const tempId = createdTempId(item.write);
  if (tempId && result.id) {
    await tx.objectStore('tempIds').put({ tempId, itemId, realId: result.id });
  }
  await tx.objectStore('items').put(synced);
  return synced;
}

/** Takes an item that leaves the unsynced list off the size count. */
export async function releaseBytes(
  meta: Parameters<typeof putMeta>[0],
  item: Pick<OutboxItem, 'size'>,
): Promise<void> {
  const bytes = await readMeta(meta, 'bytes');
  await putMeta(meta, { bytes: Math.max(0, bytes - (item.size ?? 0)) });
}

/** Applies `change` to an unsynced item; `meta` entries are written in the same transaction. */
export async function updateItem(
  tx: DeliveryTx,
  itemId: string,
  change: (item: OutboxItem) => OutboxItem,
  meta: Partial<OutboxMeta> = {},
): Promise<OutboxItem | undefined> {
  const item = await tx.objectStore('items').get(itemId);
  const updated = item && item.state !== 'synced' ? change(item) : undefined;
  if (updated) {
    await tx.objectStore('items').put(updated);
    const index = tx.objectStore('items').index('by-state-seq');
    await recount(tx.objectStore('meta'), index, [[item!.state, updated.state]]);
  }
  await putMeta(tx.objectStore('meta'), meta);
  return updated;
}

export async function writeMeta(db: OutboxDatabase, meta: Partial<OutboxMeta>): Promise<void> {
  const tx = strictWrite(db, ['meta']);
  await putMeta(tx.objectStore('meta'), meta);
  await tx.done;
}

/** Waiting items read from the front when probing whether the network is back. */
const PROBE_ITEMS = 20;

/**
 * The front of the outbox: the first waiting items in order, with the temporary ids they
 * name. Enough to plan one send (a prefix in seq order holds every earlier waiting write
 * that could block one of its items); the caller sends nothing a blocker holds.
 */
export async function readProbe(db: OutboxDatabase): Promise<OutboxSnapshot> {
  const tx = db.transaction(['items', 'tempIds', 'meta']);
  const index = tx.objectStore('items').index('by-state-seq');
  const [records, paused, notBefore] = await Promise.all([
    index.getAll(IDBKeyRange.bound(['waiting', -Infinity], ['waiting', Infinity]), PROBE_ITEMS),
    readMeta(tx.objectStore('meta'), 'paused'),
    readMeta(tx.objectStore('meta'), 'notBefore'),
  ]);
  const items = (records as unknown[]).filter(isSoundItem);
  const ids = new Set(
    items.flatMap((item) => [
      ...referencedIds(item.write),
      ...changedIds(item.write),
      createdTempId(item.write) ?? '',
    ]),
  );
  const tempIds = new Map<string, TempIdEntry>();
  for (const id of ids) {
    const entry = id ? await tx.objectStore('tempIds').get(id) : undefined;
    if (entry) tempIds.set(id, entry);
  }
  return { items, synced: [], damaged: [], tempIds, paused, notBefore };
}

/** Lifts a hold set because the network was down; true when there was one. */
export async function liftOfflineHold(db: OutboxDatabase): Promise<boolean> {
  const tx = strictWrite(db, ['meta']);
  const meta = tx.objectStore('meta');
  const held = await readMeta(meta, 'offlineHold');
  if (held) await putMeta(meta, { notBefore: 0, offlineHold: false });
  await tx.done;
  return held;
}

/** Where one item stands (no content), or null when it is not in the outbox. */
export async function readStatus(db: OutboxDatabase, id: string): Promise<WriteStatus | null> {
  const tx = db.transaction(['items', 'meta']);
  const [item, paused] = await Promise.all([
    tx.objectStore('items').get(id),
    readMeta(tx.objectStore('meta'), 'paused'),
  ]);
  return item ? writeStatusOf(item, paused) : null;
}
