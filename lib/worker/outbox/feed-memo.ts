/**
 * What the worker publishes after each change (./feed.ts): the feed and the window of write
 * states, read whole in one transaction, or, while nothing but enqueues happened since the last
 * whole read, from that read and two numbers. A new write joins the end of the queue, so when
 * the first page of waiting items was full it is unchanged, as are the stuck and synced lists:
 * only the counts (read from `meta`) and the newest waiting writes (the ids enqueued) move.
 *
 * Why: during a burst of enqueues the feed is published every FEED_GATHER_MS, and each whole
 * read (first pages, notes included: ~60 kB at 3,000-character notes) held a read transaction
 * over `items` and `meta` for 5–26 ms on the 2-core machine; the rep's next enqueue, a write
 * over the same stores, waited behind it (traced in the worker: the slow enqueues came every
 * ~220 ms, in step with the publication). A read of two `meta` records is over in a moment.
 *
 * Anything else that changes the outbox calls `forget()` before it reports the change, so the
 * publish that report starts reads whole; a publish already under way may still show the
 * outbox from before it, and the report's publish follows it (as with any read before a change).
 */
import type { OutboxFeed } from '../../shared/storage/table';
import { readMeta, type OutboxDatabase } from './db';
import { feedIn } from './pages';
import type { Published } from './types';
import { composeStates, readStateWindow, STATES_WINDOW, type StateWindow } from './write-states';

/** What the outbox keeps beside its database and the publish shows as it is. */
export interface Kept {
  /** Damaged records as the outbox last found them (a whole read). */
  damaged: OutboxFeed['damaged'];
  /** Writes discarded lately, newest last: null in the write states. */
  discarded: readonly string[];
}

/** Enqueues remembered between publishes; past this the next publish reads whole. */
const MAX_APPENDED = STATES_WINDOW / 2;

export function createFeedMemo(db: () => Promise<OutboxDatabase>) {
  let last: { feed: OutboxFeed; window: StateWindow } | null = null;
  /** Ids enqueued since the last read began, oldest first. */
  let appended: string[] = [];
  let overflowed = false;
  /** Moves on each `forget()`, so a read begun before one is not kept as `last`. */
  let generation = 0;

  async function readWhole(kept: Kept) {
    const tx = (await db()).transaction(['items', 'tempIds', 'meta']);
    const [feed, window] = await Promise.all([feedIn(tx, kept.damaged), readStateWindow(tx)]);
    return { feed, window };
  }

  /** Only enqueues since `known`: its lists hold, and the counts and newest writes are read. */
  async function readAppended(known: NonNullable<typeof last>, news: string[]) {
    const meta = (await db()).transaction('meta').store;
    const [counted, paused] = await Promise.all([
      readMeta(meta, 'counted'),
      readMeta(meta, 'paused'),
    ]);
    // Counts never kept (an install from before them), or a pause not told: read whole.
    if (!counted || (paused === null) !== (known.feed.paused === null)) return null;
    // A write enqueued as the last read began may be in it already: an id is listed once.
    const waiting = [...new Set([...news.reverse(), ...known.window.waiting])];
    return {
      feed: { ...known.feed, counts: counted },
      window: { ...known.window, waiting: waiting.slice(0, STATES_WINDOW) },
    };
  }

  return {
    /** A write was enqueued (call once it is committed). */
    appended(id: string): void {
      if (appended.length < MAX_APPENDED) appended.push(id);
      else overflowed = true;
    },
    /** Anything but an enqueue changed the outbox: the next publish reads whole. */
    forget(): void {
      last = null;
      generation++;
    },
    async read(kept: Kept): Promise<Published> {
      const since = generation;
      const known = last;
      const news = appended;
      const onlyAppends = known && !overflowed && known.feed.more.waiting !== null;
      appended = [];
      overflowed = false;
      let read: NonNullable<typeof last>;
      try {
        read = (onlyAppends && (await readAppended(known, news))) || (await readWhole(kept));
      } catch (error) {
        // The ids taken are not in any read: the next publish (the feed retries) reads whole.
        last = null;
        throw error;
      }
      if (since === generation) last = read;
      return { feed: read.feed, states: composeStates(read.window, kept.discarded) };
    },
  };
}
