/**
 * One flush pass, run while holding the flush lock: deliver due items in order (see
 * blockers.ts), each one's outcome recorded durably (deliver-one.ts).
 *
 * Up to `parallel` deliveries are in flight at once, so a drain runs at Vivre's rate limit
 * rather than at one round trip and two disk flushes per write; the order rules still hold,
 * because an item in flight is still waiting to the planner: a write that refers to its
 * temporary id, or changes the same record, is held back by it as by any earlier waiting
 * write. A write whose last outcome is unknown (`uncertain`) goes alone, with nothing else
 * in flight: its read-back must not see, or claim, a record another delivery is creating.
 */
import type { StillOwner } from './flush-lock';
import { stillWaiting } from './limits';
import { createPlanner } from './picker';
import { discardedDependencyError, readProbe, readState } from './store';
import { mayDeliver, readGate } from './gate';
import type { OutboxItem } from './types';
import { deliverOne, settle, type Pass, type PassContext } from './deliver-one';
import type { OutboxSnapshot } from './store';
import type { OutboxCounts } from './types';

export { mayAlreadyBeInVivre, type PassContext } from './deliver-one';

/** What a pass saw last, so the caller can report counts without reading everything again. */
export interface PassResult {
  /** Undefined when the pass stopped before reading the items (paused, or holding off). */
  state?: OutboxSnapshot;
  synced: number;
  /** The counts read before any item, when the pass stopped there (nothing may be sent). */
  counts?: OutboxCounts;
  /** Planner work (items and blockers looked at), for tests that hold it linear. */
  examined: number;
}

export async function runFlushPass(ctx: PassContext, stillOwner: StillOwner): Promise<PassResult> {
  const attempted = new Set<string>();
  let pass: Pass | undefined;
  let synced = 0;
  let examined = 0;
  const inFlight = new Set<Promise<void>>();
  // A delivery that threw (the database failed under it) ends the pass, as it always has;
  // kept here so one running beside others is never an unhandled rejection.
  let broke: { error: unknown } | undefined;
  const deliver = (on: Pass, item: OutboxItem) => {
    const delivery: Promise<void> = deliverOne(on, item)
      .then(
        (reached) => void (reached && synced++),
        (error: unknown) => void (broke ??= { error }),
      )
      .finally(() => {
        inFlight.delete(delivery);
        on.planner.delivered(item.id);
      });
    inFlight.add(delivery);
    return delivery;
  };
  // After an offline hold, one write from the front asks whether the network is back before
  // the whole outbox is read (10 MB at the caps): a probe every half minute costs O(1).
  const gate = await readGate(ctx.db, ctx.now());
  const probing = gate.offlineHold;
  let readAll = false;
  while (!ctx.signal.aborted) {
    if (broke) break;
    // A free slot first: an item the planner hands out is not handed out again.
    if (inFlight.size >= Math.max(1, ctx.parallel)) {
      await Promise.race(inFlight);
      continue;
    }
    const changes = ctx.takeLocalChanges();
    if (!pass || changes.reread || (readAll && pass.probe)) {
      // A new plan starts from what is on disk, with every delivery of the old one recorded.
      await Promise.all(inFlight);
      // Reading every item is the expensive part: skip it while nothing may be sent.
      if (!pass && !gate.mayDeliver) return { synced, examined, counts: gate.counts };
      if (pass && !(await mayDeliver(ctx.db, ctx.now()))) break;
      if (pass) examined += pass.planner.examined;
      const probe = probing && !readAll;
      const state = probe ? await readProbe(ctx.db) : await readState(ctx.db);
      pass = { ctx, state, planner: createPlanner(state), probe };
    } else {
      for (const item of changes.added) pass.planner.add(item);
    }
    const { state, planner } = pass;
    if (state.paused || stillWaiting(state.notBefore, ctx.now())) break;
    const next = planner.next(ctx.now());
    if (!next && pass.probe) {
      readAll = true; // nothing at the front can go: plan from the whole outbox
      continue;
    }
    if (!next && inFlight.size > 0) {
      // What is in flight may hold the next write back, or new writes may arrive meanwhile.
      await Promise.race(inFlight);
      continue;
    }
    if (!next || !(await stillOwner()) || ctx.signal.aborted) break;
    const { item } = next;
    if (attempted.has(item.id)) continue;
    // A probe sends only a write that needs nothing of the rest of the outbox: unblocked,
    // and not one whose read-back must know every synced item's id.
    if (pass.probe && (next.blocker || item.uncertain)) continue;
    attempted.add(item.id);

    if (next.blocker?.type === 'discarded') {
      await settle(pass, item, { state: 'attention', lastError: discardedDependencyError });
      continue;
    }
    if (pass.probe || item.uncertain || ctx.parallel <= 1) {
      // Alone: a probe asks one question; an uncertain write's read-back sees no one else's.
      await Promise.all(inFlight);
      if (state.paused || stillWaiting(state.notBefore, ctx.now())) break; // they failed
      await deliver(pass, item);
    } else {
      void deliver(pass, item);
    }
    if (pass.probe) readAll = true; // answered or held again: the loop's first check decides
  }
  // Every delivery started is recorded before the pass ends (or abandoned to the next run's
  // replay when the outbox closes: each is uncertain on disk).
  await Promise.all(inFlight);
  if (broke) throw broke.error;
  // A probe's state holds the front of the outbox only: the caller counts from meta instead.
  if (!pass || pass.probe) return { synced, examined };
  pass.state.items = pass.planner.items();
  return { state: pass.state, synced, examined: examined + pass.planner.examined };
}
