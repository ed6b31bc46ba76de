/**
 * Before sending again a write whose last answer never came, find out whether Vivre has it,
 * without trusting the server's idempotency (the reference never mentions Idempotency-Key,
 * and the sandbox forgets keys after 24 h):
 * - a create is read back through the list endpoints, matching what was sent; found once
 *   and claimed by no other item: it is ours; not found: send again; cannot tell (no list,
 *   several matches): park it for the rep;
 * - an update is sent again within the idempotency window (setting the same fields twice
 *   is harmless); beyond it a colleague may have changed the record since, so park it.
 */
import { makesRecord } from '../vivre/write-kinds';
import type { WriteRequest } from '../../shared/messaging/protocol';
import { CLOCK_SKEW_MS, IDEMPOTENCY_WINDOW_MS } from './limits';
import type { OutboxItem, ReadBack } from './types';

export type Reconciled =
  /** Vivre has it: this record is ours. */
  | { type: 'found'; id: string }
  /** Not there (or an update still safe to repeat): send it. */
  | { type: 'send' }
  /** Cannot tell: the rep checks. */
  | { type: 'park' };

export async function reconcile(
  item: OutboxItem,
  write: WriteRequest,
  context: {
    now: number;
    readBack: ReadBack | undefined;
    /** Record ids other items already got from Vivre: never ours. */
    claimed: ReadonlySet<string>;
    signal: AbortSignal;
  },
): Promise<Reconciled> {
  if (!item.uncertain || item.checked) return { type: 'send' };
  const firstSentAt = item.firstSentAt ?? item.createdAt;
  if (!makesRecord(write)) {
    // A clock set back makes the age negative: then it is surely within the window.
    return context.now - firstSentAt > IDEMPOTENCY_WINDOW_MS ? { type: 'park' } : { type: 'send' };
  }
  if (!context.readBack) return { type: 'park' };
  const answer = await context.readBack(
    write,
    firstSentAt - CLOCK_SKEW_MS,
    context.signal,
    item.connection,
  );
  if (answer.type === 'cannot_tell') return { type: 'park' };
  const ours = answer.ids.filter((id) => !context.claimed.has(id));
  if (ours.length === 0) return { type: 'send' };
  return ours.length === 1 ? { type: 'found', id: ours[0]! } : { type: 'park' };
}
