import type { OutboxSummary, Status } from '../../shared/messaging/protocol';

export interface Situation {
  /** One line saying what is wrong and what happens next; null when all is well. */
  banner: string | null;
  /** Set when logging must be off; the banner says why. */
  disabledReason: string | null;
  /** The fix is in the options page. */
  needsOptions: boolean;
}

const READ_ONLY =
  'This API key is read-only, so logging is turned off. Ask your Vivre admin for a key with write access, then paste it in Options.';

export function describeSituation(status: Status, outbox: OutboxSummary | null): Situation {
  if (status.permissions && !status.permissions.includes('write')) {
    return { banner: READ_ONLY, disabledReason: READ_ONLY, needsOptions: true };
  }
  if (status.connection === 'unauthorized' || outbox?.paused) {
    return {
      banner:
        'Your API key was refused — what you log is kept and will sync once you reconnect in Options.',
      disabledReason: null,
      needsOptions: true,
    };
  }
  if (status.connection === 'forbidden') {
    return {
      banner: `This key can’t reach workspace ${status.workspaceId ?? ''} — what you log is kept; check the workspace ID in Options.`,
      disabledReason: null,
      needsOptions: true,
    };
  }
  if (status.connection === 'offline') {
    return {
      banner: 'You’re offline — what you log is saved and will sync when you’re back.',
      disabledReason: null,
      needsOptions: false,
    };
  }
  return { banner: null, disabledReason: null, needsOptions: false };
}

export function StatusBanner({
  situation,
  openOptions,
}: {
  situation: Situation;
  openOptions: () => void;
}) {
  if (!situation.banner) return null;
  return (
    <p class="banner" role="alert">
      {situation.banner}{' '}
      {situation.needsOptions ? (
        <button type="button" class="link" onClick={openOptions}>
          Open Options
        </button>
      ) : null}
    </p>
  );
}
