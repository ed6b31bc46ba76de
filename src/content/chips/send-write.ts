/**
 * Sends a write through the worker's outbox and follows it just long enough to
 * tell the rep the truth: "Saved — will sync" while it waits, "Synced" only once
 * it left the outbox, or the reason it needs attention.
 */
import type { WriteProgress } from '../../ui/view-types';
import type { WriteRequest } from '../../shared/messaging/protocol';
import type { Ask } from '../../shared/messaging/messenger';

// Bounded: after ~15 s the rep sees "Saved — will sync" and the outbox carries on alone.
const FOLLOW_DELAYS_MS = [300, 700, 1500, 3000, 4500, 5000];

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  });
}

export async function sendWrite(
  ask: Ask,
  write: WriteRequest,
  onProgress: (progress: WriteProgress) => void,
  signal: AbortSignal,
): Promise<WriteProgress> {
  // Widened on purpose: `report` changes it from inside a closure, which TS cannot see.
  let progress = { state: 'sending' } as WriteProgress;
  const report = (next: WriteProgress) => {
    progress = next;
    if (!signal.aborted) onProgress(next);
  };
  report(progress);

  const queued = await ask('enqueueWrite', { write });
  if (!queued.ok) {
    report({ state: 'failed', error: queued.error });
    return progress;
  }
  const { id } = queued.value;
  report({ state: queued.value.state === 'synced' ? 'synced' : 'waiting' });

  for (const delay of FOLLOW_DELAYS_MS) {
    if (progress.state !== 'waiting' || signal.aborted) break;
    await sleep(delay, signal);
    if (signal.aborted) break;
    const outbox = await ask('getOutbox');
    if (!outbox.ok) continue;
    const { waiting, attention, paused } = outbox.value;
    const stuck = attention.find((item) => item.id === id);
    if (stuck) {
      report({
        state: 'attention',
        error: stuck.lastError ?? { kind: 'unknown', message: 'Vivre did not accept it.' },
      });
    } else if (waiting.some((item) => item.id === id)) {
      if (paused) report({ state: 'attention', error: paused });
    } else {
      report({ state: 'synced' });
    }
  }
  return progress;
}
