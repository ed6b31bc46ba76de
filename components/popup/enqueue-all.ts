import type { WriteRequest } from '../../lib/shared/messaging/protocol';
import type { PopupServices } from './services-type';

export type EnqueueResult =
  { ok: true; activityItemId: string; synced: boolean } | { ok: false; message: string };

/**
 * Puts the writes in the outbox in order. The outbox owns retries and durability;
 * here a refusal only happens for a write the worker will not accept at all, and
 * the rep is told whether earlier parts were already kept.
 */
export async function enqueueAll(
  ask: PopupServices['ask'],
  writes: WriteRequest[],
): Promise<EnqueueResult> {
  let activity: { id: string; synced: boolean } | null = null;
  for (const [index, write] of writes.entries()) {
    const answer = await ask('enqueueWrite', { write });
    if (!answer.ok) {
      const kept =
        index > 0 ? ' What came before it is kept in the outbox below.' : ' Nothing was sent.';
      return { ok: false, message: answer.error.message + kept };
    }
    if (write.kind === 'logActivity')
      activity = { id: answer.value.id, synced: answer.value.state === 'synced' };
  }
  if (!activity) return { ok: false, message: 'Nothing to log.' };
  return { ok: true, activityItemId: activity.id, synced: activity.synced };
}
