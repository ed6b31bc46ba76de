import type { Status } from '../../lib/shared/messaging/protocol';

/** Why writing is off for this rep right now, in their words; null when it is on. */
export function writeBlockedReason(status: Status | null): string | null {
  if (!status) return null;
  if (status.connection === 'unauthorized')
    return 'Logging is paused: Vivre refused the API key. Update it in Vivre settings.';
  if (status.permissions && !status.permissions.includes('write'))
    return 'Logging is off: this API key is read-only. Ask your Vivre admin for a key that can write.';
  return null;
}
