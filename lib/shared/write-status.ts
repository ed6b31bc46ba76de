/**
 * Follows one write the rep made, as the worker publishes it (lib/worker/outbox/feed.ts):
 * no polling, so "Saved — will sync" turns into "Synced" the moment Vivre has it, however
 * long that takes (minutes offline, a worker restart in between). Used by the popup and
 * the Gmail card alike.
 */
import type { WriteStatus } from './messaging/protocol';
import { follow, rawItem } from './storage/follow';
import { WRITE_STATES, type WriteStates } from './storage/table';

/**
 * Calls `onStatus` with the write's status now and at each change, until it is synced,
 * needs attention, or is discarded (then with null), or `signal` aborts. The worker publishes
 * a window of recent writes: while this one is not in it (not published yet, or many newer
 * writes queued after it) there is simply no news, and the last status stands.
 */
export function followWrite(
  id: string,
  signal: AbortSignal,
  onStatus: (status: WriteStatus | null) => void,
): void {
  if (signal.aborted) return;
  const following = new AbortController();
  signal.addEventListener('abort', () => following.abort(), { once: true });
  let last: string | undefined;
  const check = (states: WriteStates) => {
    if (following.signal.aborted) return;
    const status = states[id];
    if (status === undefined) return;
    // Each publish lists the window again: tell only what changed.
    const seen = JSON.stringify(status);
    if (seen === last) return;
    last = seen;
    onStatus(status);
    if (status === null || status.state !== 'waiting') following.abort();
  };
  follow(rawItem(WRITE_STATES), following.signal, check);
}
