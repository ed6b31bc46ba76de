/**
 * Whether the card stands on the worker's saved copy because Vivre cannot be reached: the
 * details came from its cache, or the worker's status says offline. The view says so
 * ("Offline — cached 3 h ago") and the card keeps asking until it is not (./use-refresh-when-back.ts).
 */
import type { ContactDetails, Status } from '../../lib/shared/messaging/protocol';

export function isOffline(
  details: ContactDetails | null | undefined,
  status: Status | null | undefined,
): boolean {
  return Boolean(details?.cached) || status?.connection === 'offline';
}
