import type { OutboxSummary } from '../../shared/messaging/protocol';
import type { PopupServices } from './services-type';

export type SyncOutcome =
  { state: 'waiting' } | { state: 'synced' } | { state: 'attention'; reason: string };

const POLL_MS = 300;
const POLL_TRIES = 10;

/**
 * Watches one outbox item for a few seconds, so the popup can say "Synced" only
 * when the server really has it. Stops early once it synced or needs attention;
 * if it is still waiting after that, the honest answer is "will sync".
 */
export async function watchItem(
  ask: PopupServices['ask'],
  id: string,
  onOutbox: (outbox: OutboxSummary) => void,
  signal: AbortSignal,
): Promise<SyncOutcome> {
  for (let attempt = 0; attempt < POLL_TRIES && !signal.aborted; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const answer = await ask('getOutbox');
    if (!answer.ok) continue;
    onOutbox(answer.value);
    const stuck = answer.value.attention.find((item) => item.id === id);
    if (stuck)
      return { state: 'attention', reason: stuck.lastError?.message ?? 'The server refused it.' };
    if (!answer.value.waiting.some((item) => item.id === id)) return { state: 'synced' };
  }
  return { state: 'waiting' };
}

/** Nudges the outbox, then words the item's fate for the rep; null while it is still waiting. */
export async function followSync(
  ask: PopupServices['ask'],
  id: string,
  onOutbox: (outbox: OutboxSummary) => void,
  signal: AbortSignal,
): Promise<{ tone: 'ok' | 'error'; text: string } | null> {
  void ask('flushOutbox');
  const sync = await watchItem(ask, id, onOutbox, signal);
  if (sync.state === 'synced') return { tone: 'ok', text: 'Synced' };
  if (sync.state === 'attention') return { tone: 'error', text: `Needs attention: ${sync.reason}` };
  return null;
}
