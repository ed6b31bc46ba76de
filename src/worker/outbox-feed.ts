/**
 * Publishes the outbox after every change, so pages and chips follow it instead of asking:
 * the whole listing (notes included) in storage.session for extension pages, and each
 * write's state alone (no content) in storage.local for the content script.
 */
import type { OutboxFeed, WriteStatus } from '../shared/storage';
import { outboxFeedItem, writeStatesItem } from '../shared/storage';

export function statesOf(feed: OutboxFeed): Record<string, WriteStatus> {
  const states: Record<string, WriteStatus> = {};
  for (const item of feed.synced) states[item.id] = { state: 'synced' };
  for (const item of feed.waiting) {
    // A paused outbox holds every write: say why, as for one that needs attention.
    states[item.id] = feed.paused ? { state: 'waiting', error: feed.paused } : { state: 'waiting' };
  }
  for (const item of feed.attention) {
    states[item.id] = {
      state: 'attention',
      error: item.lastError ?? { kind: 'unknown', message: 'Vivre did not accept it.' },
    };
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
