/**
 * The outbox's running counts of waiting and attention items, kept in `meta` and changed in
 * the same transaction as the items they count: enqueue, the feed and the badge read two
 * numbers instead of counting an index, which walks every entry (5,000 at the cap).
 */
import type { OutboxState } from '../../shared/messaging/protocol';
import { putMeta, readMeta, stateRange, type MetaStore, type StateCounts } from './db';

/** The items store's state index, as far as counting it goes. */
export interface CountableIndex {
  count(range: IDBKeyRange): Promise<number>;
}

/** The counts as kept; counted from the index once on installs from before they were kept. */
export async function readCounted(
  meta: Pick<MetaStore, 'get'>,
  index: CountableIndex,
): Promise<StateCounts> {
  const counted = await readMeta(meta, 'counted');
  if (counted) return counted;
  const [waiting, attention] = await Promise.all([
    index.count(stateRange('waiting')),
    index.count(stateRange('attention')),
  ]);
  return { waiting, attention };
}

/** One item moved from `from` to `to` (undefined: it was not, or is no longer, in the store). */
export type Move = [from: OutboxState | undefined, to: OutboxState | undefined];

/**
 * Applies `moves` to the kept counts, in the caller's transaction (which must hold `meta` and
 * `items`, and be the one that changes those items).
 */
export async function recount(
  meta: MetaStore,
  index: CountableIndex,
  moves: Move[],
): Promise<StateCounts> {
  const counts = { ...(await readCounted(meta, index)) };
  for (const [from, to] of moves) {
    if (from === to) continue;
    if (from === 'waiting' || from === 'attention') counts[from] = Math.max(0, counts[from] - 1);
    if (to === 'waiting' || to === 'attention') counts[to]++;
  }
  await putMeta(meta, { counted: counts });
  return counts;
}
