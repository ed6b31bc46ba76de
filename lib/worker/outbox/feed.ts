/**
 * Publishes the outbox after its changes (at once, or with the rest of a burst: FEED_GATHER_MS
 * in ./limits.ts), so pages and chips follow it instead of asking: its counts and first pages
 * (notes included) in storage.session for extension pages (lib/worker/outbox/pages.ts bounds
 * it), and each write's state alone (no content) in storage.local for the pages following their
 * writes.
 */
import { outboxFeedItem, writeStatesItem } from '../../shared/storage/items';
import { FEED_GATHER_MS } from './limits';

import type { Published } from './types';

export interface FeedSource {
  published(): Promise<Published>;
  /** Once aborted (the outbox closed its database), nothing is published or tried again. */
  closed?: AbortSignal;
}

/** After a failed publish, the next try; doubled per failure in a row, up to a minute. */
const RETRY_MS = 1000;
const MAX_RETRY_MS = 60_000;

/**
 * `changed()` after each outbox change; changes within `FEED_GATHER_MS` of the last publish, or
 * while one runs, are folded into one more, so a drain of a thousand writes does not write
 * storage a thousand times behind itself. A publish that fails (storage full, the worker stopping) is reported
 * with `onError` and tried again until one succeeds: pages never silently show an old outbox.
 */
export function createOutboxFeed(
  source: FeedSource,
  { onError = reportError }: { onError?: (error: unknown) => void } = {},
) {
  let running: Promise<void> | null = null;
  let again = false;
  let failures = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  /** When the last publish was written (performance.now()). */
  let publishedAt = -Infinity;

  async function publish(): Promise<void> {
    do {
      const wait = publishedAt + FEED_GATHER_MS - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      again = false;
      const { feed, states } = await source.published();
      await Promise.all([outboxFeedItem.setValue(feed), writeStatesItem.setValue(states)]);
      publishedAt = performance.now();
    } while (again);
  }

  function changed(): Promise<void> {
    // A closed outbox cannot be read: a retry (whose timer calls this) or a change after the
    // closing would fail every time, backing off to a minute.
    if (source.closed?.aborted) return running ?? Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    clearTimeout(retry);
    running = publish()
      .then(
        () => void (failures = 0),
        (error: unknown) => {
          if (source.closed?.aborted) return; // closed under it: the failure is the closing
          onError(error);
          failures++;
          const delay = Math.min(RETRY_MS * 2 ** (failures - 1), MAX_RETRY_MS);
          retry = setTimeout(() => void changed(), delay);
        },
      )
      .finally(() => {
        running = null;
        // A change made as the last publish was finishing is published too; after a failure,
        // by the retry already set, so a drain's changes do not undo the backoff.
        if (again && failures === 0) void changed();
      });
    return running;
  }

  return { changed };
}

function reportError(error: unknown): void {
  console.error('Vivre outbox: could not publish the outbox to the extension pages', error);
}
