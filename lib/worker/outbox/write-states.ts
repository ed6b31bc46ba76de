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
import type { OutboxState, WriteStatus } from '../../shared/messaging/protocol';
import type { WriteStates } from '../../shared/storage/table';
import { readMeta, stateRange, type OutboxDatabase } from './db';
import { writeStatusOf } from './item-status';
import { newestIn, type RecentIndex } from './newest';
import { isSoundItem } from './sound-item';

/** Writes of each state in the published window (about 40 bytes each as JSON). */
export const STATES_WINDOW = 100;

/**
 * The window of write states: the newest waiting, stuck and synced writes, and `discarded`
 * (newest last) as null, so a page following one learns it is gone.
 */
export async function readStates(
  db: OutboxDatabase,
  discarded: readonly string[] = [],
): Promise<WriteStates> {
  const tx = db.transaction(['items', 'meta']);
  const index: RecentIndex = tx.objectStore('items').index('by-state-seq');
  const newest = (state: OutboxState, values: boolean) =>
    newestIn(index, stateRange(state), STATES_WINDOW, values);
  const [paused, waiting, attention, synced] = await Promise.all([
    readMeta(tx.objectStore('meta'), 'paused'),
    newest('waiting', false),
    newest('attention', true),
    newest('synced', false),
  ]);
  const states: WriteStates = {};
  for (const id of discarded.slice(-STATES_WINDOW)) states[id] = null;
  for (const { id } of synced) states[id] = { state: 'synced' };
  const waitingStatus: WriteStatus = writeStatusOf({ state: 'waiting' }, paused);
  for (const { id } of waiting) states[id] = waitingStatus;
  for (const { id, value } of attention) {
    if (isSoundItem(value)) states[id] = writeStatusOf(value, paused);
  }
  return states;
}
