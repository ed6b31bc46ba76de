/** What the UI and the badge see of the outbox: plain data, computed from a snapshot. */
import type { OutboxItemView, RepError } from '../../shared/messaging/protocol';
import { earliestDue, findBlockers, type Blocker } from './blockers';
import type { OutboxSnapshot } from './store';
import { stillWaiting } from './limits';
import type { OutboxCounts, OutboxItem, OutboxListing } from './types';

export function toView(item: OutboxItem, blocker?: Blocker): OutboxItemView {
  const lastError = blockedReason(blocker) ?? item.lastError;
  return {
    id: item.id,
    write: item.write,
    state: item.state,
    createdAt: item.createdAt,
    attempts: item.attempts,
    summary: item.summary,
    ...(lastError ? { lastError } : {}),
    ...(item.state === 'waiting' ? { nextAttemptAt: item.nextAttemptAt } : {}),
    ...parkedView(item),
  };
}

function parkedView(item: OutboxItem): Pick<OutboxItemView, 'parked'> {
  if (item.state !== 'attention' || !item.parked) return {};
  if (item.parked === 'uncertain') return { parked: { reason: 'uncertain' } };
  const { workspaceId = '', baseUrl = '' } = item.connection ?? {};
  return { parked: { reason: 'connection', workspaceId, baseUrl } };
}

/** A write held back by a record that needs the rep says so, instead of looking stuck. */
function blockedReason(blocker: Blocker | undefined): RepError | undefined {
  if (blocker?.type !== 'dependency' || blocker.on.state !== 'attention') return undefined;
  return {
    kind: blocker.on.lastError?.kind ?? 'validation',
    message: `Waiting for “${blocker.on.summary}”, which needs your attention first.`,
  };
}

export function toListing(snapshot: OutboxSnapshot): OutboxListing {
  const blockers = findBlockers(snapshot);
  const view = (item: OutboxItem) => toView(item, blockers.get(item.id));
  return {
    waiting: snapshot.items.filter((i) => i.state === 'waiting').map(view),
    attention: snapshot.items.filter((i) => i.state === 'attention').map(view),
    synced: snapshot.synced
      .toSorted((a, b) => (b.syncedAt ?? 0) - (a.syncedAt ?? 0) || b.seq - a.seq)
      .map((item) => toView(item)),
    paused: snapshot.paused,
    ...(snapshot.damaged.length > 0 ? { damaged: snapshot.damaged } : {}),
  };
}

export function toCounts(snapshot: OutboxSnapshot, now: number): OutboxCounts {
  let waiting = 0;
  for (const item of snapshot.items) if (item.state === 'waiting') waiting++;
  const paused = snapshot.paused !== null;
  const due = paused ? null : earliestDue(snapshot, now);
  return {
    waiting,
    attention: snapshot.items.length - waiting,
    paused,
    // A hold longer than any we set is a clock set back: not honoured (see limits.ts).
    nextWakeAt:
      due === null
        ? null
        : stillWaiting(snapshot.notBefore, now)
          ? Math.max(due, snapshot.notBefore)
          : due,
  };
}
