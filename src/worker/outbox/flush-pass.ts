/**
 * One flush pass, run while holding the flush lock: deliver due items one at a time, in
 * order (see plan.ts), recording each outcome durably before looking at the next.
 *
 * One request at a time is deliberate: Vivre allows 120 requests a minute per key, far
 * below what a sequential sender reaches, and sequential sending keeps the order rules
 * simple to reason about.
 *
 * Exactly once: the idempotency key was stored at enqueue. If the worker dies after the
 * server committed but before `recordSuccess`, the item is still 'waiting' on disk, and
 * the next pass sends it again with the same key: the server replays its stored answer
 * (Idempotent-Replayed) instead of creating a second record.
 */
import { createdTempId, creates, resolveWrite } from '../vivre/write-kinds';
import type { BackoffConfig } from './failure-policy';
import { asVivreError, decideOnFailure } from './failure-policy';
import type { OutboxDatabase } from './db';
import type { StillOwner } from './flush-lock';
import { pickNext } from './plan';
import {
  discardedDependencyError,
  mayDeliver,
  readState,
  recordSuccess,
  updateItem,
  type OutboxSnapshot,
} from './store';
import type { Deliver, OutboxItem } from './types';

export interface PassContext {
  db: OutboxDatabase;
  deliver: Deliver;
  now: () => number;
  /** Aborted when the outbox closes: stop at once and record nothing more. */
  signal: AbortSignal;
  backoff: BackoffConfig;
  /** What this context changed since the last call: items it added, or anything that needs a re-read. */
  takeLocalChanges: () => { added: OutboxItem[]; reread: boolean };
  onItemChange: (snapshot: OutboxSnapshot) => void;
  onSynced: (item: OutboxItem) => void;
}

const missingIdError = {
  kind: 'unknown' as const,
  message:
    'Vivre accepted this but did not say which record it created. Check Vivre, then discard it.',
};

/** What a pass saw last, so the caller can report counts without reading everything again. */
export interface PassResult {
  /** Undefined when the pass stopped before reading the items (paused, or holding off). */
  state?: OutboxSnapshot;
  synced: number;
}

export async function runFlushPass(ctx: PassContext, stillOwner: StillOwner): Promise<PassResult> {
  const attempted = new Set<string>();
  let state: OutboxSnapshot | undefined;
  let synced = 0;
  while (!ctx.signal.aborted) {
    const changes = ctx.takeLocalChanges();
    if (!state || changes.reread) {
      // Reading every item is the expensive part: skip it while nothing may be sent.
      if (!(await mayDeliver(ctx.db, ctx.now()))) return { synced };
      state = await readState(ctx.db);
    } else {
      mergeAdded(state, changes.added);
    }
    const now = ctx.now();
    if (state.paused || state.notBefore > now) break;
    const next = pickNext(state, now, attempted);
    if (!next || !(await stillOwner()) || ctx.signal.aborted) break;
    const { item } = next;
    attempted.add(item.id);

    if (next.blocker?.type === 'discarded') {
      const moved = await updateItem(ctx.db, item.id, (i) => ({
        ...i,
        state: 'attention',
        lastError: discardedDependencyError,
      }));
      replace(state, item, moved);
      ctx.onItemChange(state);
      continue;
    }
    if (await deliverOne(ctx, state, item)) synced++;
  }
  return { state, synced };
}

/** Items this context enqueued during the pass, appended without re-reading the store. */
function mergeAdded(state: OutboxSnapshot, added: OutboxItem[]) {
  if (added.length === 0) return;
  const known = new Set(state.items.map((item) => item.id));
  for (const item of added) {
    if (known.has(item.id)) continue;
    state.items.push(item);
    const tempId = createdTempId(item.write);
    if (tempId) state.tempIds.set(tempId, { tempId, itemId: item.id, realId: null });
  }
  state.items.sort((a, b) => a.seq - b.seq);
}

/** Returns true when the item reached Vivre. */
async function deliverOne(
  ctx: PassContext,
  state: OutboxSnapshot,
  item: OutboxItem,
): Promise<boolean> {
  const realIds = new Map<string, string>();
  for (const entry of state.tempIds.values()) {
    if (entry.realId) realIds.set(entry.tempId, entry.realId);
  }
  const write = resolveWrite(item.write, realIds);
  let result: { id?: string } | undefined;
  let failure: unknown;
  try {
    result = await untilAborted(ctx.deliver(write, item.idempotencyKey, ctx.signal), ctx.signal);
  } catch (error) {
    failure = error;
  }
  // Closing mid-delivery leaves the outcome unknown: the item stays as it is on disk and
  // the next run replays it with the same key.
  if (ctx.signal.aborted) return false;

  if (result) {
    if (creates(write) && !result.id) {
      await settle(ctx, state, item, { state: 'attention', lastError: missingIdError });
      return false;
    }
    await succeed(ctx, state, item, { id: result.id });
    return true;
  }

  const error = asVivreError(failure);
  const attempts = item.attempts + 1;
  const lastError = error.toRepError();
  const action = decideOnFailure(error, write, attempts, ctx.now(), ctx.backoff);
  switch (action.type) {
    case 'existing':
      await succeed(ctx, state, item, { id: action.id, existing: true });
      return true;
    case 'attention':
      await settle(ctx, state, item, { state: 'attention', attempts, lastError });
      return false;
    case 'pause':
      state.paused = lastError;
      await settle(ctx, state, item, { attempts, lastError }, { paused: lastError });
      return false;
    case 'retry': {
      const meta = action.holdAll ? { notBefore: action.at } : {};
      if (action.holdAll) state.notBefore = action.at;
      await settle(ctx, state, item, { attempts, lastError, nextAttemptAt: action.at }, meta);
      return false;
    }
  }
}

async function succeed(
  ctx: PassContext,
  state: OutboxSnapshot,
  item: OutboxItem,
  result: NonNullable<OutboxItem['result']>,
) {
  const synced = await recordSuccess(ctx.db, item.id, result, ctx.now());
  const tempId = createdTempId(item.write);
  if (tempId && result.id) {
    state.tempIds.set(tempId, { tempId, itemId: item.id, realId: result.id });
  }
  replace(state, item, undefined);
  if (synced) state.synced.push(synced);
  ctx.onItemChange(state);
  if (synced) ctx.onSynced(synced);
}

async function settle(
  ctx: PassContext,
  state: OutboxSnapshot,
  item: OutboxItem,
  change: Partial<OutboxItem>,
  meta: Parameters<typeof updateItem>[3] = {},
) {
  const updated = await updateItem(ctx.db, item.id, (i) => ({ ...i, ...change }), meta);
  replace(state, item, updated);
  ctx.onItemChange(state);
}

/** Keeps the in-memory snapshot in step with what was just written, without re-reading it all. */
function replace(state: OutboxSnapshot, old: OutboxItem, updated: OutboxItem | undefined) {
  const index = state.items.findIndex((i) => i.id === old.id);
  if (index === -1) return;
  if (updated) state.items[index] = updated;
  else state.items.splice(index, 1);
}

/** A delivery that ignores its signal must not keep a closing outbox waiting. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
