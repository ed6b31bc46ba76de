/**
 * What a flush pass asks before it reads any item: may anything be sent now (not paused, no
 * hold running), and the counts to report if not. Read in one transaction by the pass, and in
 * the enqueue's own write by `addItem` (./store.ts), so that while nothing may be sent (the
 * network down for days) an enqueue starts no pass at all: each such pass read `meta` again
 * right after the write, and the rep's next enqueue, a write over the same stores, waited
 * behind that read (traced in the worker: 3–12 ms of every enqueue at the caps).
 */
import type { RepError } from '../../shared/messaging/protocol';
import { readMeta, type MetaStore, type OutboxDatabase, type StateCounts } from './db';
import { readCounted } from './counted';
import { stillWaiting } from './limits';
import type { OutboxCounts } from './types';

/** What a flush pass reads before any item (see readGate). */
export interface PassGate {
  /** The last hold was the network being down: probe with one write before reading all. */
  offlineHold: boolean;
  /** Not paused, and no hold still running: something may be sent now. */
  mayDeliver: boolean;
  /** The counts to report when nothing may be sent (the wake time as quickCounts gives it). */
  counts: OutboxCounts;
}

/** The gate's own fields in `meta`, beside the counts. */
export interface GateFields {
  paused: RepError | null;
  notBefore: number;
  offlineHold: boolean;
}

/** Reads the gate's fields in `meta`, in the caller's transaction. */
export async function readGateFields(meta: Pick<MetaStore, 'get'>): Promise<GateFields> {
  const [paused, notBefore, offlineHold] = await Promise.all([
    readMeta(meta, 'paused'),
    readMeta(meta, 'notBefore'),
    readMeta(meta, 'offlineHold'),
  ]);
  return { paused, notBefore, offlineHold };
}

/** Not paused, and no hold still running at `now`. */
function opens({ paused, notBefore }: GateFields, now: number): boolean {
  return !paused && !stillWaiting(notBefore, now);
}

/** The gate of an outbox holding `counts` with `fields`, at `now`. */
export function gateOf(counts: StateCounts, fields: GateFields, now: number): PassGate {
  const { paused, notBefore, offlineHold } = fields;
  const mayDeliver = opens(fields, now);
  // Only used when a pass stopped at the hold: waking when the hold ends is early at worst.
  const nextWakeAt = paused || counts.waiting === 0 ? null : mayDeliver ? now : notBefore;
  return {
    offlineHold,
    mayDeliver,
    counts: { ...counts, paused: paused !== null, nextWakeAt },
  };
}

/** Everything a pass asks before it reads items, in one read transaction. */
export async function readGate(db: OutboxDatabase, now: number): Promise<PassGate> {
  const tx = db.transaction(['items', 'meta']);
  const meta = tx.objectStore('meta');
  const [counts, fields] = await Promise.all([
    readCounted(meta, tx.objectStore('items').index('by-state-seq')),
    readGateFields(meta),
  ]);
  return gateOf(counts, fields, now);
}

/** Counts without reading any item (kept in meta, counted.ts); the wake time is approximate (see above). */
export async function quickCounts(db: OutboxDatabase, now: number): Promise<OutboxCounts> {
  return (await readGate(db, now)).counts;
}

/** False while the outbox is paused or holding off (offline, Retry-After). Cheap: no items read. */
export async function mayDeliver(db: OutboxDatabase, now: number): Promise<boolean> {
  return opens(await readGateFields(db.transaction('meta').store), now);
}
