/**
 * Per-tab enqueue rate. A Gmail page can drive our content script and our card; without a
 * limit it could fill the outbox (and its caps) in seconds. A token bucket per tab: a burst
 * of 200 writes (one email logged for every person of a 200-address thread), then one a
 * second. Popup and options are the rep's own pages and are not limited.
 */
import { VivreError } from '../vivre/errors';

export const ENQUEUE_BURST = 200;
export const ENQUEUE_PER_SECOND = 1;

export const TOO_FAST_MESSAGE =
  'Too many writes from this Gmail tab at once. Wait a minute, then try again.';

export function createEnqueueRate(now: () => number = () => Date.now()) {
  const buckets = new Map<number, { tokens: number; at: number }>();
  return {
    /** Spends `cost` of the tab's budget, or throws a rep-facing error without spending any. */
    take(tabId: number | undefined, cost = 1): void {
      if (tabId === undefined) return;
      const at = now();
      const bucket = buckets.get(tabId) ?? { tokens: ENQUEUE_BURST, at };
      // max(0, …): a clock set back refills nothing rather than draining the bucket.
      const refill = (Math.max(0, at - bucket.at) / 1000) * ENQUEUE_PER_SECOND;
      const tokens = Math.min(ENQUEUE_BURST, bucket.tokens + refill);
      if (tokens < cost) {
        buckets.set(tabId, { tokens, at });
        throw new VivreError({ kind: 'rate_limited', message: TOO_FAST_MESSAGE });
      }
      buckets.set(tabId, { tokens: tokens - cost, at });
      // Closed tabs leave their buckets; a full bucket carries nothing worth keeping.
      if (buckets.size > 1000) {
        for (const [id, b] of buckets) {
          if (b.tokens + ((at - b.at) / 1000) * ENQUEUE_PER_SECOND >= ENQUEUE_BURST)
            buckets.delete(id);
        }
      }
    },
  };
}
