/**
 * One write's delivery within a flush pass (flush-pass.ts): reconcile an uncertain write,
 * mark it `uncertain` on disk (write-ahead), send it, and record the outcome durably.
 *
 * Exactly once, without trusting the server: before each attempt the item is marked
 * `uncertain` on disk. If the worker dies after the server committed but before
 * `recordSuccess`, or the answer is lost, the next attempt first reconciles (reconcile.ts:
 * read back what Vivre has) and only then sends again, with the same idempotency key for
 * servers that honour it. An answer clears the mark.
 */
import { createdTempId, makesRecord, referencedIds, resolveWrite } from '../vivre/write-kinds';
import { VivreError, WrongConnectionError } from '../vivre/errors';
import type { RepError } from '../../shared/messaging/protocol';
import type { BackoffConfig } from './failure-policy';
import { asVivreError, decideOnFailure, mayHaveCommitted } from './failure-policy';
import type { OutboxDatabase } from './db';
import type { GroupCommit } from './group-commit';
import type { Planner } from './picker';
import { reconcile } from './reconcile';
import { recordSuccess, updateItem, type OutboxSnapshot } from './store';
import type { Deliver, OutboxItem, ReadBack } from './types';
import { untilAborted, wrongConnectionError } from './pass-tools';

export interface PassContext {
  db: OutboxDatabase;
  deliver: Deliver;
  readBack?: ReadBack;
  now: () => number;
  /** Aborted when the outbox closes: stop at once and record nothing more. */
  signal: AbortSignal;
  backoff: BackoffConfig;
  /** Where deliveries record marks and outcomes, sharing disk flushes (group-commit.ts). */
  commits: GroupCommit;
  /** Deliveries in flight at once, for writes that may go side by side (see flush-pass.ts). */
  parallel: number;
  /** What this context changed since the last call: items it added, or anything that needs a re-read. */
  takeLocalChanges: () => { added: OutboxItem[]; reread: boolean };
  /** After each item: counts without the wake time (the pass is running, so "now"). */
  onItemChange: (counts: { waiting: number; attention: number }) => void;
  onSynced: (item: OutboxItem) => void;
}

export const mayAlreadyBeInVivre: RepError = {
  kind: 'unknown',
  message:
    'May already be in Vivre — check. Its answer was lost; send it again only if Vivre does not have it.',
};

export interface Pass {
  ctx: PassContext;
  state: OutboxSnapshot;
  planner: Planner;
  /** See claimedIds: made on first use, then kept up to date. */
  claimed?: Set<string>;
  /** Planned from the front of the outbox only (see runFlushPass). */
  probe?: boolean;
}

/** Returns true when the item reached Vivre. */
export async function deliverOne(pass: Pass, item: OutboxItem): Promise<boolean> {
  const { ctx, state } = pass;
  const realIds = new Map<string, string>();
  for (const ref of referencedIds(item.write)) {
    const realId = state.tempIds.get(ref)?.realId;
    if (realId) realIds.set(ref, realId);
  }
  const write = resolveWrite(item.write, realIds);
  const now = ctx.now();

  try {
    const known = await reconcile(item, write, {
      now,
      readBack: ctx.readBack,
      claimed: claimedIds(pass),
      signal: ctx.signal,
    });
    if (ctx.signal.aborted) return false;
    if (known.type === 'found') return succeed(pass, item, { id: known.id });
    if (known.type === 'park') {
      await settle(pass, item, {
        state: 'attention',
        parked: 'uncertain',
        lastError: mayAlreadyBeInVivre,
      });
      return false;
    }
  } catch (error) {
    if (ctx.signal.aborted) return false;
    // The read failed: nothing was sent, so the item stays as uncertain as it was.
    return failed(pass, item, write, error, Boolean(item.uncertain));
  }

  // Write-ahead: on disk, this item may now be in Vivre until an answer says otherwise.
  // A send the rep confirmed after checking Vivre starts a new window.
  const sending = await ctx.commits.run((tx) =>
    updateItem(tx, item.id, ({ checked, ...i }) => ({
      ...i,
      uncertain: true,
      firstSentAt: checked ? now : (i.firstSentAt ?? now),
    })),
  );
  if (!sending || ctx.signal.aborted) return false;
  pass.planner.settle(item, sending);

  let result: { id?: string } | undefined;
  let failure: unknown;
  try {
    result = await untilAborted(
      ctx.deliver(write, item.idempotencyKey, ctx.signal, item.connection),
      ctx.signal,
    );
  } catch (error) {
    failure = error;
  }
  // Closing mid-delivery leaves the outcome unknown: the item stays uncertain on disk and
  // the next run reconciles it.
  if (ctx.signal.aborted) return false;

  if (result) {
    if (makesRecord(write) && !result.id) {
      // A create "accepted" without saying which record (a 204, `{ok:true}`, a captive
      // portal's 200): sending again could double it, calling it done could lose it.
      await settle(pass, sending, {
        state: 'attention',
        parked: 'uncertain',
        uncertain: true,
        lastError: mayAlreadyBeInVivre,
      });
      return false;
    }
    return succeed(pass, sending, { id: result.id });
  }
  if (failure instanceof WrongConnectionError) {
    // Refused before sending: as uncertain as before this attempt.
    return failed(pass, sending, write, failure, Boolean(item.uncertain));
  }
  return failed(pass, sending, write, failure, mayHaveCommitted(asVivreError(failure)));
}

async function failed(
  pass: Pass,
  item: OutboxItem,
  write: OutboxItem['write'],
  failure: unknown,
  uncertain: boolean,
): Promise<boolean> {
  const { ctx, state } = pass;
  if (failure instanceof WrongConnectionError) {
    await settle(pass, item, {
      state: 'attention',
      parked: 'connection',
      uncertain,
      lastError: wrongConnectionError(item),
    });
    return false;
  }
  const error = failure instanceof VivreError ? failure : asVivreError(failure);
  const attempts = item.attempts + 1;
  const lastError = error.toRepError();
  const action = decideOnFailure(error, write, attempts, ctx.now(), ctx.backoff);
  switch (action.type) {
    case 'existing':
      return succeed(pass, item, { id: action.id, existing: true });
    case 'attention':
      await settle(pass, item, { state: 'attention', attempts, lastError, uncertain });
      return false;
    case 'pause':
      state.paused = lastError;
      await settle(pass, item, { attempts, lastError, uncertain }, { paused: lastError });
      return false;
    case 'retry': {
      // An offline hold is lifted as soon as the network is back (Outbox.networkBack).
      const meta = action.holdAll
        ? { notBefore: action.at, offlineHold: error.kind === 'offline' }
        : {};
      if (action.holdAll) state.notBefore = action.at;
      // Offline says nothing about this write: once the hold is lifted it goes first, in its
      // place. Had it waited out a try of its own, the writes behind it would reach Vivre
      // first, and an uncertain one's read-back would then have thousands of records to page
      // through (read-back.ts stops and parks it for the rep).
      const nextAttemptAt = meta.offlineHold ? 0 : action.at;
      await settle(pass, item, { attempts, lastError, uncertain, nextAttemptAt }, meta);
      return false;
    }
  }
}

/**
 * Ids Vivre gave items that reached it: a read-back never takes one of these for another item.
 * Kept as the pass goes, so a pass of thousands of items does not walk its synced ones per item.
 */
function claimedIds(pass: Pass): Set<string> {
  if (!pass.claimed) {
    pass.claimed = new Set();
    for (const item of pass.state.synced) if (item.result?.id) pass.claimed.add(item.result.id);
  }
  return pass.claimed;
}

async function succeed(
  pass: Pass,
  item: OutboxItem,
  result: NonNullable<OutboxItem['result']>,
): Promise<true> {
  const { ctx, state, planner } = pass;
  const synced = await ctx.commits.run((tx) => recordSuccess(tx, item.id, result, ctx.now()));
  const tempId = createdTempId(item.write);
  if (tempId && result.id) planner.resolved(tempId, result.id);
  planner.settle(item, undefined);
  if (synced) {
    state.synced.push(synced);
    if (synced.result?.id) pass.claimed?.add(synced.result.id);
  }
  ctx.onItemChange(planner.counts());
  if (synced) ctx.onSynced(synced);
  return true;
}

export async function settle(
  pass: Pass,
  item: OutboxItem,
  change: Partial<OutboxItem>,
  meta: Parameters<typeof updateItem>[3] = {},
) {
  const updated = await pass.ctx.commits.run((tx) =>
    updateItem(tx, item.id, (i) => ({ ...i, ...change }), meta),
  );
  pass.planner.settle(item, updated);
  pass.ctx.onItemChange(pass.planner.counts());
}
