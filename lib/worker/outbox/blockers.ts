/**
 * Decides which item may go next. Items go in enqueue order, with two rules on top:
 * - a write that refers to a contact or deal created offline waits until that record
 *   exists in Vivre (its creating item is synced), however long that takes;
 * - a write never overtakes an earlier *waiting* write that changes the same record.
 * Anything else may pass an item that is backing off. Without that, one item the server
 * keeps failing (say a 500 on one payload) would hold every later write hostage; with
 * it, an activity can reach Vivre a little before an older one on the same contact,
 * which only shows as a slightly different timeline order.
 *
 * `findBlockers` looks at the whole snapshot (for lists and the wake time, once per pass);
 * the flusher picks with the incremental planner in picker.ts.
 */
import { changedIds, referencedIds } from '../vivre/write-kinds';
import { stillWaiting } from './limits';
import type { OutboxItem, TempIdEntry } from './types';

export interface Snapshot {
  /** Every unsynced item ('waiting' and 'attention'), in seq order. */
  items: OutboxItem[];
  tempIds: Map<string, TempIdEntry>;
}

export type Blocker =
  /** Refers to a record created by `on`, which has not reached Vivre yet. */
  | { type: 'dependency'; on: OutboxItem }
  /** `on` changes a record this item uses and has not been sent yet. */
  | { type: 'order'; on: OutboxItem }
  /** Refers to a record whose creating item the rep discarded. */
  | { type: 'discarded'; tempId: string };

/** Why each unsynced item cannot be sent now; items missing from the map are free to go. */
export function findBlockers(snapshot: Snapshot): Map<string, Blocker> {
  const byId = new Map(snapshot.items.map((item) => [item.id, item]));
  const canonical = (id: string) => snapshot.tempIds.get(id)?.realId ?? id;
  const changedByWaiting = new Map<string, OutboxItem>();
  const blockers = new Map<string, Blocker>();

  for (const item of snapshot.items) {
    const blocker =
      dependencyBlocker(item, snapshot.tempIds, byId) ??
      orderBlocker(item, canonical, changedByWaiting);
    if (blocker) blockers.set(item.id, blocker);
    if (item.state === 'waiting') {
      for (const id of changedIds(item.write)) changedByWaiting.set(canonical(id), item);
    }
  }
  return blockers;
}

function dependencyBlocker(
  item: OutboxItem,
  tempIds: Map<string, TempIdEntry>,
  byId: Map<string, OutboxItem>,
): Blocker | undefined {
  for (const ref of referencedIds(item.write)) {
    const entry = tempIds.get(ref);
    if (!entry || entry.realId) continue;
    const creator = byId.get(entry.itemId);
    if (entry.discarded || !creator) return { type: 'discarded', tempId: ref };
    return { type: 'dependency', on: creator };
  }
  return undefined;
}

function orderBlocker(
  item: OutboxItem,
  canonical: (id: string) => string,
  changedByWaiting: Map<string, OutboxItem>,
): Blocker | undefined {
  for (const id of [...referencedIds(item.write), ...changedIds(item.write)]) {
    const earlier = changedByWaiting.get(canonical(id));
    if (earlier) return { type: 'order', on: earlier };
  }
  return undefined;
}

/**
 * The earliest time a waiting, unblocked item becomes due; blocked items wake with their
 * blocker. A wait longer than any we set is a clock set back: due now.
 */
export function earliestDue(snapshot: Snapshot, now: number): number | null {
  const blockers = findBlockers(snapshot);
  let earliest: number | null = null;
  for (const item of snapshot.items) {
    if (item.state !== 'waiting') continue;
    const blocker = blockers.get(item.id);
    // A discarded dependency is acted on at once (the item moves to "needs attention").
    const due =
      blocker?.type === 'discarded'
        ? 0
        : blocker
          ? null
          : stillWaiting(item.nextAttemptAt, now)
            ? item.nextAttemptAt
            : now;
    if (due !== null && (earliest === null || due < earliest)) earliest = due;
  }
  return earliest;
}
