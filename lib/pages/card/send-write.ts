/**
 * Sends a write through the worker's outbox and tells the rep the truth as it changes:
 * "Saved — will sync" while it waits, "Synced" the moment Vivre has it, or the reason it
 * needs attention. The worker pushes each change (lib/shared/write-status.ts); nothing polls.
 * The card page uses it (./services.ts): it follows its writes itself, as an extension page.
 */
import type { Ask } from '../../shared/messaging/messenger';
import type { WriteRequest } from '../../shared/messaging/protocol';
import type { WriteStatus } from '../../shared/messaging/protocol';
import { followWrite } from '../../shared/write-status';
import type { WriteProgress } from '../../../components/common/view-types';

function progressOf(status: WriteStatus | null): WriteProgress {
  if (status === null) return { state: 'failed', error: DISCARDED };
  if (status.state === 'synced') return { state: 'synced' };
  // A waiting write with an error is held by a paused outbox (the key was refused).
  if (status.error) return { state: 'attention', error: status.error };
  return { state: 'waiting' };
}

const DISCARDED = {
  kind: 'unknown' as const,
  message: 'This was removed from the outbox before it reached Vivre.',
};

/**
 * Reports each change through `onProgress` until the write settles or `signal` aborts (the card
 * closed or shows someone else: the write itself goes on in the outbox). Resolves true once the
 * worker has the write (in its outbox or already in Vivre), false when it was not taken: the
 * form that made it keeps the rep's words until then.
 */
export async function sendWrite(
  ask: Ask,
  write: WriteRequest,
  onProgress: (progress: WriteProgress) => void,
  signal: AbortSignal,
): Promise<boolean> {
  const report = (progress: WriteProgress) => {
    if (!signal.aborted) onProgress(progress);
  };
  report({ state: 'sending' });
  const queued = await ask('enqueueWrite', { write });
  if (!queued.ok) {
    report({ state: 'failed', error: queued.error });
    return false;
  }
  if (queued.value.state === 'synced') {
    report({ state: 'synced' });
    return true;
  }
  report({ state: 'waiting' });
  followWrite(queued.value.id, signal, (status) => report(progressOf(status)));
  return true;
}
