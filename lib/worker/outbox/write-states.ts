/**
 * Where the writes pages follow stand (lib/shared/write-status.ts), published after outbox
 * changes: a window, not every write. Pages follow the writes the rep just made, which
 * are the newest waiting ones until they sync (then the newest synced, since delivery goes in
 * enqueue order) or need attention; so the window holds the newest `STATES_WINDOW` of each
 * state, read by seeking the state index backwards, and the writes discarded lately, as null.
 * What it costs is the same with 5 writes queued as with 5,000 (listing every id made each
 * publish read 5,000 keys and write them to storage.local during a drain, once per write).
 *
 * A followed write that leaves the window (many newer writes queued after it) is simply not
 * in it: followers take absence as "no news", and see it again when it next changes state.
 */
import type { IDBPTransaction } from 'idb';
import type { OutboxState, RepError, WriteStatus } from '../../shared/messaging/protocol';
import type { WriteStates } from '../../shared/storage/table';
import { readMeta, stateRange, type OutboxDatabase, type OutboxDB } from './db';
import { writeStatusOf } from './item-status';
import { newestIn, type RecentIndex } from './newest';
import { isSoundItem } from './sound-item';

/** Writes of each state in the published window (about 40 bytes each as JSON). */
export const STATES_WINDOW = 100;

/** The window as read, before the discarded writes are added: what a publish may extend. */
export interface StateWindow {
  paused: RepError | null;
  /** Ids of the newest waiting writes, newest first. */
  waiting: string[];
  attention: { id: string; status: WriteStatus }[];
  synced: string[];
}

/** The stores the window reads, in any transaction that holds them (the feed's holds more). */
type WindowTx = Pick<IDBPTransaction<OutboxDB, ('items' | 'meta')[], 'readonly'>, 'objectStore'>;

/** The newest waiting, stuck and synced writes, read in `tx`. */
export async function readStateWindow(tx: WindowTx): Promise<StateWindow> {
  const index: RecentIndex = tx.objectStore('items').index('by-state-seq');
  const newest = (state: OutboxState, values: boolean) =>
    newestIn(index, stateRange(state), STATES_WINDOW, values);
  const [paused, waiting, attention, synced] = await Promise.all([
    readMeta(tx.objectStore('meta'), 'paused'),
    newest('waiting', false),
    newest('attention', true),
    newest('synced', false),
  ]);
  return {
    paused,
    waiting: waiting.map(({ id }) => id),
    attention: attention.flatMap(({ id, value }) =>
      isSoundItem(value) ? [{ id, status: writeStatusOf(value, paused) }] : [],
    ),
    synced: synced.map(({ id }) => id),
  };
}

/** The window of write states, with `discarded` (newest last) as null. */
export function composeStates(window: StateWindow, discarded: readonly string[]): WriteStates {
  const states: WriteStates = {};
  for (const id of discarded.slice(-STATES_WINDOW)) states[id] = null;
  for (const id of window.synced) states[id] = { state: 'synced' };
  const waitingStatus: WriteStatus = writeStatusOf({ state: 'waiting' }, window.paused);
  for (const id of window.waiting) states[id] = waitingStatus;
  for (const { id, status } of window.attention) states[id] = status;
  return states;
}

/**
 * The window of write states: the newest waiting, stuck and synced writes, and `discarded`
 * (newest last) as null, so a page following one learns it is gone.
 */
export async function readStates(
  db: OutboxDatabase,
  discarded: readonly string[] = [],
): Promise<WriteStates> {
  return composeStates(await readStateWindow(db.transaction(['items', 'meta'])), discarded);
}
