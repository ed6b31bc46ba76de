/**
 * Publishes the outbox after every change, so pages and chips follow it instead of asking:
 * the whole listing (notes included) in storage.session for extension pages, and each
 * write's state alone (no content) in storage.local for the content script.
 */
import type { OutboxFeed } from '../../shared/storage/table';
import type { WriteStatus } from '../../shared/messaging/protocol';
import { outboxFeedItem, writeStatesItem } from '../../shared/storage/items';
import { writeStatusOf } from './item-status';

export function statesOf(feed: OutboxFeed): Record<string, WriteStatus> {
  const states: Record<string, WriteStatus> = {};
  // A paused outbox holds every write: a waiting one says why, as one needing attention does.
  for (const item of [...feed.synced, ...feed.waiting, ...feed.attention]) {
    states[item.id] = writeStatusOf(item, feed.paused);
  }
  return states;
}

/**
 * `changed()` after each outbox change; changes that arrive while one publish runs are
 * folded into one more, so a drain of a thousand writes does not write storage a thousand
 * times behind itself.
 */
export function createOutboxFeed(list: () => Promise<OutboxFeed>) {
  let running: Promise<void> | null = null;
  let again = false;

  async function publish(): Promise<void> {
    do {
      again = false;
      const feed = await list();
      await outboxFeedItem.setValue(feed);
      await writeStatesItem.setValue(statesOf(feed));
    } while (again);
  }

  return {
    changed(): Promise<void> {
      if (running) {
        again = true;
        return running;
      }
      running = publish()
        .catch(() => undefined) // The next change publishes again.
        .finally(() => (running = null));
      return running;
    },
  };
}
