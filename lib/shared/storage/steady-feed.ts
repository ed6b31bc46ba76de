/**
 * Following the published outbox without redrawing what did not change. The worker publishes
 * the feed again after each change (at most every FEED_GATHER_MS), and storage hands every
 * follower a fresh copy: to a page, all of it looked new, so a popup open while the rep logged
 * writes redrew its whole list five times a second, and the answer to the rep's next "save"
 * waited behind that redraw (enqueue p99 at the outbox's caps, `npm run bench`). Here what is
 * equal to what the page already has is handed back as the same object, so views keyed on it
 * (the list's items, its paging) skip it, and a feed equal to the last one is not passed on.
 */
import type { OutboxFeed } from './table';
import { follow, type Followable } from './follow';

/** `next`, with each part equal to `previous`'s replaced by `previous`'s own object. */
export function steadyFeed(
  previous: OutboxFeed | null,
  next: OutboxFeed | null,
): OutboxFeed | null {
  if (previous === null || next === null) return next;
  const before: Record<string, unknown> = { ...previous };
  const kept: Record<string, unknown> = {};
  let same = Object.keys(previous).length === Object.keys(next).length;
  for (const [key, value] of Object.entries(next)) {
    const old = before[key];
    const steady = Array.isArray(value)
      ? steadyList(old, value)
      : sameJson(old, value)
        ? old
        : value;
    if (steady !== old) same = false;
    kept[key] = steady;
  }
  return same ? previous : (kept as unknown as OutboxFeed);
}

/** Calls `onFeed` with the feed now and with each publication that changed it, until `signal`. */
export function followFeed(
  item: Followable<OutboxFeed | null>,
  signal: AbortSignal,
  onFeed: (feed: OutboxFeed | null) => void,
): void {
  let shown: { feed: OutboxFeed | null } | undefined;
  follow(item, signal, (feed) => {
    const steady = shown ? steadyFeed(shown.feed, feed) : feed;
    if (shown && steady === shown.feed) return;
    shown = { feed: steady };
    onFeed(steady);
  });
}

/** The items of `next` that equal one of `old`'s (by id) as `old`'s; `old` itself if all do. */
function steadyList(old: unknown, next: unknown[]): unknown[] {
  const before = Array.isArray(old) ? (old as unknown[]) : [];
  const byId = new Map(before.map((item) => [idOf(item), item]));
  let same = Array.isArray(old) && before.length === next.length;
  const kept = next.map((item, n) => {
    const match = byId.get(idOf(item));
    const steady = match !== undefined && sameJson(match, item) ? match : item;
    if (steady !== before[n]) same = false;
    return steady;
  });
  return same ? before : kept;
}

const idOf = (item: unknown) =>
  typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : item;

/** Both as the worker wrote them: the same writer lists their keys in the same order. */
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
