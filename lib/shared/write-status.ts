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
 * needs attention, or leaves the outbox (then with null: discarded), or `signal` aborts.
 * A write not published yet (the worker writes the states just after enqueueing) is
 * simply waited for.
 */
export function followWrite(
  id: string,
  signal: AbortSignal,
  onStatus: (status: WriteStatus | null) => void,
): void {
  if (signal.aborted) return;
  const following = new AbortController();
  signal.addEventListener('abort', () => following.abort(), { once: true });
  let seen = false;
  const check = (states: WriteStates) => {
    if (following.signal.aborted) return;
    const status = states[id];
    if (!status) {
      if (!seen) return;
      onStatus(null);
      following.abort();
      return;
    }
    seen = true;
    onStatus(status);
    if (status.state !== 'waiting') following.abort();
  };
  follow(rawItem(WRITE_STATES), following.signal, check);
}
