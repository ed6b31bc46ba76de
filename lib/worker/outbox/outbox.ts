/**
 * The durable outbox: every write is committed to IndexedDB (strict durability) before
 * anyone is told "saved", then delivered in the background until Vivre has it, exactly
 * once, however often the worker is killed. It knows nothing about HTTP: `deliver` is
 * injected and its `VivreError` kinds drive the policy (see failure-policy.ts).
 */
import { describeWrite } from '../vivre/write-kinds';
import { DEFAULT_DB_NAME, openOutboxDb } from './db';
import { runFlushPass, type PassContext } from './flush-pass';
import { createGroupCommit } from './group-commit';
import { leaseLock, webLock, type FlushLock } from './flush-lock';
import {
  connectionOf,
  discardItem,
  pruneSynced,
  releaseConnection,
  retryItem,
} from './rep-actions';
import { addItem, liftOfflineHold, readState, readStatus, writeMeta } from './store';
import { quickCounts } from './gate';
import { readFeed, readPage } from './pages';
import { readPendingFor } from './pending-for';
import { readStates, STATES_WINDOW } from './write-states';
import { createFeedMemo } from './feed-memo';
import type { DamagedItemView } from '../../shared/messaging/protocol';
import type { Outbox, OutboxCounts, OutboxItem, OutboxOptions } from './types';
import { toCounts, toListing } from './views';

export type { Outbox } from './types';

/** While a lease is held elsewhere (no Web Locks), look again this often. */
const LEASE_POLL_MS = 1000;

export function createOutbox(options: OutboxOptions): Outbox {
  const now = options.now ?? Date.now;
  const keepSynced = options.keepSynced ?? 50;
  const dbReady = openOutboxDb(options.dbName ?? DEFAULT_DB_NAME);
  const stop = new AbortController();
  const locks = options.locks === undefined ? (globalThis.navigator?.locks ?? null) : options.locks;
  const lockReady: Promise<FlushLock> = locks
    ? Promise.resolve(webLock(locks))
    : dbReady.then((db) => leaseLock(db, now, options.leaseMs ?? 60_000));
  // A database that cannot open fails each call that needs it, not the whole worker.
  dbReady.catch(() => undefined);
  lockReady.catch(() => undefined);

  let running: Promise<void> | undefined;
  let again = false;
  // What this context changed, for a running pass to pick up (see flush-pass.ts).
  let added: OutboxItem[] = [];
  let reread = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Damaged records are only found by reading every record: kept from the last whole read.
  let damaged: DamagedItemView[] | undefined;
  // Published as null in the write states, so a page following one learns it is gone.
  const discarded: string[] = [];
  // Every change but an enqueue is forgotten before it is reported (notify, onItemChange, a pass).
  const memo = createFeedMemo(() => dbReady);
  async function readAll() {
    const state = await readState(await dbReady);
    damaged = state.damaged;
    memo.forget();
    return state;
  }

  async function counts(): Promise<OutboxCounts> {
    return toCounts(await readState(await dbReady), now());
  }

  async function notify(known?: OutboxCounts): Promise<OutboxCounts> {
    if (!known) memo.forget(); // a rep's action changed the outbox
    const current = known ?? (await counts());
    options.onChange?.(current);
    return current;
  }

  function scheduleWake(at: number | null): void {
    clearTimeout(timer);
    timer = undefined;
    if (at === null || stop.signal.aborted) return;
    const delay = Math.min(Math.max(at - now(), 0), 2 ** 31 - 1);
    timer = setTimeout(() => void flushOutbox(), delay);
  }

  async function runOnce() {
    const db = await dbReady;
    const context: PassContext = {
      db,
      deliver: options.deliver,
      readBack: options.readBack,
      now,
      signal: stop.signal,
      backoff: {
        baseDelayMs: options.baseDelayMs ?? 1000,
        maxDelayMs: options.maxDelayMs ?? 5 * 60_000,
        random: options.random ?? Math.random,
      },
      parallel: options.parallelDeliveries ?? 1,
      commits: createGroupCommit(db),
      takeLocalChanges: () => {
        const changes = { added, reread };
        added = [];
        reread = again = false;
        return changes;
      },
      // Mid-pass the wake time is "now": were the worker killed here, the alarm restarts it.
      onItemChange: (counts) => {
        memo.forget();
        options.onChange?.({ ...counts, paused: false, nextWakeAt: now() });
      },
      onSynced: (item) => options.onSynced?.(item),
    };
    return (await lockReady).run((stillOwner) => runFlushPass(context, stillOwner));
  }

  function flushOutbox(): Promise<void> {
    if (stop.signal.aborted) return Promise.resolve();
    if (running) {
      // Seen by the running pass before it next picks an item, or by the loop below if
      // the pass has already finished: either way, the caller's change gets a pass.
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          const outcome = await runOnce();
          // Only a pass that stopped at its gate changed nothing (another context's may have).
          if (outcome === 'busy' || !outcome.value.counts) memo.forget();
          if (stop.signal.aborted) return;
          const db = await dbReady;
          if (outcome === 'busy') {
            // Another context is flushing; look again soon, in case it missed our item.
            await notify(await quickCounts(db, now()));
            scheduleWake(now() + LEASE_POLL_MS);
            return;
          }
          const { state, synced, counts: atGate } = outcome.value;
          if (synced > 0) {
            await pruneSynced(db, keepSynced);
            memo.forget(); // a publish since the pass ended may have read what this removed
          }
          const counts = await notify(
            state ? toCounts(state, now()) : (atGate ?? (await quickCounts(db, now()))),
          );
          scheduleWake(counts.nextWakeAt);
        } while (again);
      } catch (error) {
        // Every item is on disk, so nothing is lost: log, and try again a little later.
        if (!stop.signal.aborted) {
          console.warn('Vivre outbox: flush failed, will retry', error);
          scheduleWake(now() + 30_000);
        }
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  /** Tells a running pass what changed here, and starts one if none runs. */
  function changed(change: { added?: OutboxItem } = {}): void {
    if (change.added) added.push(change.added);
    else {
      reread = true;
      memo.forget();
    }
    void flushOutbox();
  }

  return {
    async enqueue(write, { summary, connection: madeFor } = {}) {
      if (stop.signal.aborted) throw new Error('The outbox is closed.');
      const connection = madeFor ?? (await options.connection?.()) ?? null;
      const { item, gate } = await addItem(await dbReady, write, {
        summary: summary ?? describeWrite(write),
        now: now(),
        connection,
        maxItems: options.maxItems,
        maxBytes: options.maxBytes,
      });
      memo.appended(item.id);
      if (running || gate.mayDeliver) {
        changed({ added: item }); // the flush reports the new counts when it ends
      } else {
        // Nothing may be sent (paused, offline, backing off): a pass would stop at this gate,
        // read again; what changes it (a resume, the network back, the hold's end) starts one.
        void notify(gate.counts);
        scheduleWake(gate.counts.nextWakeAt);
      }
      return item;
    },
    flushOutbox,
    async list() {
      return toListing(await readAll());
    },
    async feed() {
      if (!damaged) await readAll(); // once per worker: the feed never reads everything again
      return readFeed(await dbReady, damaged);
    },
    async published() {
      if (!damaged) await readAll(); // once per worker, as for the feed
      return memo.read({ damaged, discarded });
    },
    async page(state, after, limit) {
      return readPage(await dbReady, state, after, limit);
    },
    async pendingFor(contactId, dealIds) {
      return readPendingFor(await dbReady, contactId, dealIds);
    },
    async states() {
      return readStates(await dbReady, discarded);
    },
    async networkBack() {
      if (stop.signal.aborted) return;
      if (await liftOfflineHold(await dbReady)) changed();
    },
    async status(id) {
      return readStatus(await dbReady, id);
    },
    async retry(id, edit = {}) {
      await retryItem(await dbReady, id, edit, now());
      await notify();
      changed();
    },
    async connectionOf(id) {
      return connectionOf(await dbReady, id);
    },
    async sendWith(connection) {
      const released = await releaseConnection(await dbReady, connection, now());
      await notify();
      changed();
      return released;
    },
    async discard(id) {
      await discardItem(await dbReady, id);
      discarded.push(id);
      if (discarded.length > STATES_WINDOW) discarded.shift();
      damaged = damaged?.filter((record) => record.id !== id);
      await notify();
      changed();
    },
    counts,
    async pause(reason) {
      if (stop.signal.aborted) return; // a late 401 after close() has nothing left to stop
      await writeMeta(await dbReady, { paused: reason });
      await notify();
      changed(); // a running pass must stop sending
    },
    async resume() {
      if (stop.signal.aborted) return;
      await writeMeta(await dbReady, { paused: null, notBefore: 0 });
      await notify();
      changed();
    },
    closed: stop.signal,
    async close() {
      stop.abort();
      scheduleWake(null);
      await running;
      (await dbReady).close();
    },
  };
}
