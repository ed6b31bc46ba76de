/** Where one write stands, as chips and cards see it: a state and a reason, never content. */
import type { RepError, WriteStatus } from '../../shared/messaging/protocol';
import type { OutboxItem } from './types';

const NOT_ACCEPTED: RepError = { kind: 'unknown', message: 'Vivre did not accept it.' };

/**
 * Where one write stands, without its content, for chips and cards: synced, waiting (with
 * the reason when the whole outbox is paused), or needing the rep (with why).
 */
export function writeStatusOf(
  item: Pick<OutboxItem, 'state' | 'lastError'>,
  paused: RepError | null,
): WriteStatus {
  if (item.state === 'synced') return { state: 'synced' };
  if (item.state === 'waiting')
    return paused ? { state: 'waiting', error: paused } : { state: 'waiting' };
  return { state: 'attention', error: item.lastError ?? NOT_ACCEPTED };
}
