/**
 * The outbox's bounds, in one place. Each is a number a rep never meets in normal work and
 * an abusive page or a days-long outage hits long before the browser's storage does.
 */

/** Unsynced items. A rep logs tens a day; 5,000 is weeks offline. */
export const MAX_ITEMS = 5_000;

/** Unsynced bytes (items as JSON). Notes are capped, so this bounds a flood of long notes. */
export const MAX_BYTES = 10 * 1024 * 1024;

/**
 * The longest any wait may be: the backoff cap is 5 minutes and `Retry-After` is clamped to
 * an hour. A wait beyond it can only come from the clock being set back, so it is treated
 * as due rather than honoured (a clock set back a day would otherwise hold writes a day).
 */
export const MAX_WAIT_MS = 60 * 60_000 + 5 * 60_000;

/**
 * The longest an offline outbox waits before trying again. With the wake alarm's 30 s floor,
 * writes start within a minute of the network's return even when no online event or answer
 * from Vivre says so (one request per half minute while offline, none while delivering).
 */
export const OFFLINE_PROBE_MS = 30_000;

/** `Retry-After` beyond this is read as this: a server asking for ten years is wrong. */
export const MAX_RETRY_AFTER_SECONDS = 60 * 60;

/**
 * How long Vivre's sandbox keeps an idempotency key (the reference promises nothing). A
 * write whose answer was lost longer ago than this cannot be replayed safely.
 */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60_000;

/**
 * Clock difference tolerated between us and Vivre when reading back what we sent: a record
 * created up to this long before our first attempt may still be ours.
 */
export const CLOCK_SKEW_MS = 10 * 60_000;

/** The rep-facing sentences for a full outbox. */
export const OUTBOX_FULL_MESSAGE =
  'Your outbox is full: writes are not reaching Vivre. Open the Vivre popup to see why, then try again.';

/** True when `at` is a wait we honour at `now` (not yet due, and not a clock jump back). */
export function stillWaiting(at: number, now: number): boolean {
  return at > now && at - now <= MAX_WAIT_MS;
}

/**
 * Publishes are at least this far apart: changes that come in sooner (a drain, one per delivered
 * write; a page enqueueing many writes) gather until then, so pages get a few publishes a second
 * instead of one per write, each a read of the outbox's first pages, a storage write and an
 * onChanged event in every page that follows the outbox. A change after a quiet spell is
 * published at once. Enqueueing at the outbox's caps, a publish per write (2 reads of 21 items
 * and their holds) kept IndexedDB and the garbage collector busy under the next write.
 */
export const FEED_GATHER_MS = 200;
