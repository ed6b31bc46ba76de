/**
 * What the outbox still holds for one contact, for the popup's and the panel's overlay: a deal
 * created or moved offline shows in the Deal menu (so no one creates it twice) and a note logged
 * a minute ago shows as the latest activity, however many other writes wait before them. Read
 * through the contact's and its deals' indexes, never the whole outbox: the feed holds only the
 * first page (./pages.ts), and the newest writes — the ones a rep just made — are not on it.
 */
import type { OutboxItemView } from '../../shared/messaging/protocol';
import type { OutboxDatabase } from './db';
import { newestIn, type RecentIndex } from './newest';
import { isSoundItem } from './sound-item';
import type { OutboxItem } from './types';
import { toView } from './views';

/** Activities kept, newest first: more than any view shows ahead of Vivre's own. */
export const PENDING_ACTIVITIES = 50;
/** Records read for one contact at most, so one answer stays small whatever was queued. */
export const PENDING_SCAN = 1000;

const unsynced = (record: unknown): record is OutboxItem =>
  isSoundItem(record) && record.state !== 'synced';

/**
 * The contact's unsynced writes (activities, the newest PENDING_ACTIVITIES; every new deal) and
 * the updates of `dealIds` and of the deals created for them, oldest first.
 */
export async function readPendingFor(
  db: OutboxDatabase,
  contactId: string,
  dealIds: readonly string[],
): Promise<OutboxItemView[]> {
  const tx = db.transaction('items');
  const range = IDBKeyRange.bound([contactId, -Infinity], [contactId, Infinity]);
  const found = new Map<string, OutboxItem>();
  const deals = new Set(dealIds);
  let activities = 0;
  // Newest first, in one request where the browser can (./newest.ts): the popup and the panel
  // ask again after every publication, and a walk of a thousand records held the items store
  // through a round trip each, with the rep's next save waiting behind it.
  const index: RecentIndex = tx.store.index('by-contact');
  for (const { value: item } of await newestIn(index, range, PENDING_SCAN, true)) {
    if (unsynced(item)) {
      if (item.write.kind === 'createDeal') {
        found.set(item.id, item);
        deals.add(item.write.tempId);
      } else if (item.write.kind === 'logActivity' && activities++ < PENDING_ACTIVITIES) {
        found.set(item.id, item);
      }
    }
  }
  const updates = await Promise.all([...deals].map((id) => tx.store.index('by-deal').getAll(id)));
  for (const item of updates.flat()) if (unsynced(item)) found.set(item.id, item);
  return [...found.values()].sort((a, b) => a.seq - b.seq).map((item) => toView(item));
}
