/**
 * The outbox a page at a time, for the feed and the popup's "Show more": each read seeks the
 * state index and takes at most one page, so what the worker publishes after changes costs
 * the same with 5 items queued as with 5,000, and the feed stays far inside storage.session's
 * quota (FEED_BOUND_BYTES, held by tests/unit/lib/worker/outbox/caps.test.ts).
 */
import type { IDBPTransaction } from 'idb';
import type { OutboxItemView, OutboxState } from '../../shared/messaging/protocol';
import type { OutboxFeed, OutboxPage } from '../../shared/storage/table';
import { referencedIds } from '../vivre/write-kinds';
import { isTempId } from '../../shared/messaging/schemas';
import type { Blocker } from './blockers';
import { readCounted } from './counted';
import { readMeta, stateRange, type OutboxDatabase, type OutboxDB } from './db';
import { newestIn, type RecentIndex } from './newest';
import { isSoundItem } from './sound-item';
import type { OutboxItem } from './types';
import { toView } from './views';
import { MAX_OUTBOX_PAGE } from '../../shared/messaging/limits';

/** Items of each list in the feed; the popup asks for the rest a page at a time. */
export const FEED_PAGE = 20;
/** Synced items in the feed, newest first ("Synced" lines; followers read write-states). */
export const FEED_SYNCED = 10;
/**
 * What the feed may weigh as JSON, at any outbox size: 50 items of at most the largest write
 * the message table accepts, with room to spare. storage.session holds 10 MB.
 */
export const FEED_BOUND_BYTES = 1024 * 1024;

type ReadTx = IDBPTransaction<OutboxDB, ('items' | 'tempIds' | 'meta')[], 'readonly'>;

/** The unsynced items of `state` after seq `after`, in seq order, with why any is held back. */
async function pageIn(
  tx: ReadTx,
  state: Exclude<OutboxState, 'synced'>,
  after: number | undefined,
  limit: number,
): Promise<OutboxPage> {
  const index = tx.objectStore('items').index('by-state-seq');
  const range =
    after === undefined
      ? stateRange(state)
      : IDBKeyRange.bound([state, after], [state, Infinity], true, false);
  const records: unknown[] = await index.getAll(range, limit + 1);
  const more = records.length > limit;
  const items = records.slice(0, limit).filter(isSoundItem);
  const views = await Promise.all(items.map(async (item) => toView(item, await held(tx, item))));
  const last = items.at(-1);
  return { items: views, next: more && last ? last.seq : null };
}

/**
 * A write held back by a record that needs the rep says so (views.ts blockedReason): the first
 * temporary id it refers to that has no real id yet, if the item creating it needs attention.
 */
async function held(tx: ReadTx, item: OutboxItem): Promise<Blocker | undefined> {
  for (const ref of referencedIds(item.write)) {
    // A real id has no entry: not asking saves the feed's read a request per item, and that
    // read, held open meanwhile, is what the rep's next enqueue waits behind.
    if (!isTempId(ref)) continue;
    const entry = await tx.objectStore('tempIds').get(ref);
    if (!entry || entry.realId) continue;
    if (entry.discarded) return undefined;
    const creator: unknown = await tx.objectStore('items').get(entry.itemId);
    return isSoundItem(creator) && creator.state === 'attention'
      ? { type: 'dependency', on: creator }
      : undefined;
  }
  return undefined;
}

/** The newest `count` synced items, newest first. */
async function newestSynced(tx: ReadTx, count: number): Promise<OutboxItemView[]> {
  const index: RecentIndex = tx.objectStore('items').index('by-state-seq');
  const newest = await newestIn(index, stateRange('synced'), count, true);
  return newest
    .map(({ value }) => value)
    .filter(isSoundItem)
    .sort((a, b) => (b.syncedAt ?? 0) - (a.syncedAt ?? 0) || b.seq - a.seq)
    .map((item) => toView(item));
}

export async function readPage(
  db: OutboxDatabase,
  state: Exclude<OutboxState, 'synced'>,
  after: number | undefined,
  limit: number,
): Promise<OutboxPage> {
  const tx = db.transaction(['items', 'tempIds', 'meta']);
  return pageIn(tx, state, after, Math.min(Math.max(limit, 1), MAX_OUTBOX_PAGE));
}

/** The feed, read in one transaction; `damaged` as the outbox last found it (a whole read). */
export async function readFeed(
  db: OutboxDatabase,
  damaged: OutboxFeed['damaged'],
): Promise<OutboxFeed> {
  return feedIn(db.transaction(['items', 'tempIds', 'meta']), damaged);
}

/** The feed, read in `tx` (which ./feed-memo.ts shares with the window of write states). */
export async function feedIn(tx: ReadTx, damaged: OutboxFeed['damaged']): Promise<OutboxFeed> {
  const meta = tx.objectStore('meta');
  const [counts, paused, waiting, attention, synced] = await Promise.all([
    readCounted(meta, tx.objectStore('items').index('by-state-seq')),
    readMeta(meta, 'paused'),
    pageIn(tx, 'waiting', undefined, FEED_PAGE),
    pageIn(tx, 'attention', undefined, FEED_PAGE),
    newestSynced(tx, FEED_SYNCED),
  ]);
  return {
    waiting: waiting.items,
    attention: attention.items,
    synced,
    paused,
    counts,
    more: { waiting: waiting.next, attention: attention.next },
    ...(damaged && damaged.length > 0 ? { damaged } : {}),
  };
}
