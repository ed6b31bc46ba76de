/**
 * A deal write the rep made that Vivre's list does not show yet, laid over that list the way
 * Vivre will apply it, so the popup (reading the outbox) and the card (keeping what it sent)
 * show the same deal before and after it syncs: a new deal under its temporary id, a moved
 * deal at its new stage, and a deal marked won as closed (offline too).
 */
import type { WriteRequest } from './messaging/protocol';
import type { Deal, Stage } from './vivre/contract-types';

export type DealWrite = Extract<WriteRequest, { kind: 'createDeal' | 'updateDeal' }>;

/** `deals` with `write` applied; `madeAt` (ms) is when the rep made it. Pure. */
export function applyDealWrite(deals: readonly Deal[], write: DealWrite, madeAt: number): Deal[] {
  const madeAtIso = new Date(madeAt).toISOString();
  if (write.kind === 'createDeal') {
    const { contact_id: contactId, title, value, stage = 'new' } = write.body;
    const created: Deal = {
      id: write.tempId,
      contact_id: contactId,
      title,
      value: value ?? null,
      stage,
      created_at: madeAtIso,
      closed_at: stage === 'won' ? madeAtIso : null,
    };
    return [...deals, created];
  }
  const { title, value, stage, closed_at: sentClosedAt } = write.body;
  return deals.map((deal) =>
    deal.id === write.dealId
      ? {
          ...deal,
          ...(title === undefined ? {} : { title }),
          ...(value === undefined ? {} : { value }),
          ...(stage === undefined ? {} : { stage }),
          closed_at: closedAtAfter(deal, stage, sentClosedAt, madeAtIso),
        }
      : deal,
  );
}

/**
 * A deal's `closed_at` after an update, as Vivre sets it: the date sent; a move to won without
 * one means won now; a move off won without one reopens the deal.
 */
function closedAtAfter(
  deal: Deal,
  stage: Stage | undefined,
  sent: string | null | undefined,
  madeAtIso: string,
): string | null | undefined {
  const moved = stage !== undefined && stage !== deal.stage;
  if (moved && stage === 'won' && !sent) return madeAtIso;
  if (sent !== undefined) return sent;
  if (moved && deal.stage === 'won') return null;
  return deal.closed_at;
}
