/**
 * What the popup says about the connection, live: the worker's last `getStatus` answer (is a
 * workspace set up? which one?) updated by the connection record and the outbox the worker
 * publishes after every request and every change, so "offline" goes away the moment a write
 * gets through, without the popup asking again.
 */
import type { Answer, Status } from '../../lib/shared/messaging/protocol';
import type { ConnectionRecord, OutboxFeed } from '../../lib/shared/storage/table';

/** Status as the popup knows it now; `configured` null while the worker has not said. */
export type LiveStatus = Omit<Status, 'configured'> & { configured: boolean | null };

export function liveStatus(
  answer: Answer<Status> | null,
  record: ConnectionRecord,
  outbox: OutboxFeed | null,
): LiveStatus {
  const base: LiveStatus =
    answer?.ok === true
      ? answer.value
      : {
          configured: answer?.error.kind === 'not_configured' ? false : null,
          connection: 'unknown',
          workspaceId: null,
          workspaceName: null,
          permissions: null,
          appUrl: null,
          waitingCount: 0,
          attentionCount: 0,
        };
  const me = record.me;
  const connection =
    base.configured === false
      ? 'not_configured'
      : outbox?.paused
        ? 'unauthorized'
        : record.state === 'unknown' || record.state === 'not_configured'
          ? base.connection
          : record.state;
  return {
    ...base,
    // A record that knows the key is proof enough that a workspace is set up.
    configured: base.configured ?? (me ? true : null),
    connection,
    workspaceId: me?.workspace.id ?? base.workspaceId,
    workspaceName: me?.workspace.name ?? base.workspaceName,
    permissions: me?.key.permissions ?? base.permissions,
  };
}

export interface Situation {
  /** One sentence saying what is wrong and what happens next; null when all is well. */
  banner: string | null;
  /** Set when logging must be off; the banner says why. */
  disabledReason: string | null;
  /** The fix is in the options page. */
  needsOptions: boolean;
  /** Offline with writes waiting: the rep may ask for another try now. */
  canRetry: boolean;
}

const READ_ONLY =
  'This API key is read-only, so logging is off — ask your Vivre admin for a key with write access and paste it in Options.';

export function describeSituation(status: LiveStatus, outbox: OutboxFeed | null): Situation {
  const fine = { banner: null, disabledReason: null, needsOptions: false, canRetry: false };
  if (status.permissions && !status.permissions.includes('write')) {
    return { ...fine, banner: READ_ONLY, disabledReason: READ_ONLY, needsOptions: true };
  }
  switch (status.connection) {
    case 'unauthorized':
      return {
        ...fine,
        banner:
          'Vivre no longer accepts your API key — what you log is kept and syncs once you paste a new key in Options.',
        needsOptions: true,
      };
    case 'forbidden':
      return {
        ...fine,
        banner: `Your API key can’t open workspace ${status.workspaceId ?? 'you set'} — what you log is kept; check the workspace ID in Options.`,
        needsOptions: true,
      };
    case 'offline':
      return {
        ...fine,
        banner: 'You’re offline — what you log is saved here and syncs when Vivre is reachable.',
        canRetry: (outbox?.counts.waiting ?? 0) > 0,
      };
    default:
      return fine;
  }
}
