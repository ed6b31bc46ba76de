/** What the card says when it cannot show a contact: not set up, key refused, offline… */
import type { ErrorKind } from '../../lib/shared/messaging/protocol';

interface CardNoticeProps {
  kind: ErrorKind | 'auto_lookup_off';
  message?: string;
  onOpenOptions: () => void;
  onRetry: () => void;
}

const SETTINGS_TEXT: Partial<Record<CardNoticeProps['kind'], string>> = {
  not_configured: 'Connect Vivre to see contacts and AI scores here.',
  auto_lookup_off: 'Automatic lookups are off, so Vivre doesn’t check who is on your emails.',
  unauthorized: 'Vivre refused the API key: it may have been revoked. Enter a new key in settings.',
};

export function CardNotice({ kind, message, onOpenOptions, onRetry }: CardNoticeProps) {
  const settingsText = SETTINGS_TEXT[kind];
  if (settingsText) {
    const bad = kind === 'unauthorized';
    return (
      <div class={bad ? 'notice bad' : 'notice'} role={bad ? 'alert' : 'status'}>
        <p>{settingsText}</p>
        <button type="button" class="primary" onClick={onOpenOptions}>
          Open Vivre settings
        </button>
        {/* The way there that never depends on the extension answering. */}
        <p class="muted">Also in the Vivre toolbar icon’s menu, under Options.</p>
      </div>
    );
  }
  return (
    <div class="notice bad" role="alert">
      <p>{message ?? 'Vivre could not be reached.'}</p>
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
