/** What the card says when it cannot show a contact: not set up, key refused, offline… */
import type { ErrorKind } from '../lib/messaging/protocol';

interface CardNoticeProps {
  kind: ErrorKind | 'auto_lookup_off';
  message?: string;
  onOpenOptions: () => void;
  onRetry: () => void;
}

export function CardNotice({ kind, message, onOpenOptions, onRetry }: CardNoticeProps) {
  if (kind === 'not_configured')
    return (
      <div class="notice" role="status">
        <p>Connect Vivre to see contacts and AI scores here.</p>
        <button type="button" class="primary" onClick={onOpenOptions}>
          Open Vivre settings
        </button>
      </div>
    );
  if (kind === 'auto_lookup_off')
    return (
      <div class="notice" role="status">
        <p>Automatic lookups are off, so Vivre doesn’t check who is on your emails.</p>
        <button type="button" onClick={onOpenOptions}>
          Open Vivre settings
        </button>
      </div>
    );
  if (kind === 'unauthorized')
    return (
      <div class="notice bad" role="alert">
        <p>Vivre refused the API key: it may have been revoked. Enter a new key in settings.</p>
        <button type="button" class="primary" onClick={onOpenOptions}>
          Open Vivre settings
        </button>
      </div>
    );
  return (
    <div class="notice bad" role="alert">
      <p>{message ?? 'Vivre could not be reached.'}</p>
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
