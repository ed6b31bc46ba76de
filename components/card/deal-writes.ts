/**
 * The deals the card shows, with the rep's own deal writes from this card applied until
 * Vivre's list has them: a new deal appears at once (under its temporary id), a moved deal
 * shows its new stage, offline too. The card may not read the outbox (it holds every queued
 * note, and the card is framed in Gmail), so it keeps the writes it sent itself. A write
 * stops counting once details fetched after it synced are on screen.
 */
import { applyDealWrite, type DealWrite } from '../../lib/shared/deal-writes';
import type { Deal } from '../../lib/shared/vivre/contract-types';

export interface SentDealWrite {
  write: DealWrite;
  /** When the card first saw it synced; null while it waits. */
  syncedAt: number | null;
  /** When the rep made it: a new deal's creation date until Vivre's copy comes. */
  madeAt: number;
}

/** `deals` as fetched at `fetchedAt`, with the writes Vivre's list cannot show yet. */
export function withDealWrites(
  deals: Deal[] | null,
  fetchedAt: number,
  sent: readonly SentDealWrite[],
): Deal[] | null {
  const pending = sent.filter(({ syncedAt }) => syncedAt === null || syncedAt > fetchedAt);
  if (pending.length === 0) return deals;
  // A contact whose list Vivre does not offer still shows the deals the rep just made.
  return pending.reduce(
    (shown, { write, madeAt }) => applyDealWrite(shown, write, madeAt),
    deals ?? [],
  );
}

/**
 * Row keys for deals Vivre now lists that the rep made here: the row keeps its temporary id's
 * key when Vivre's copy (with its real id) replaces it, so a stage being picked in it is not
 * thrown away mid-pick. Only for one unmistakable match (same contact, title and value).
 */
export function dealRowKeys(
  shown: Deal[] | null,
  sent: readonly SentDealWrite[],
): ReadonlyMap<string, string> {
  const keys = new Map<string, string>();
  for (const { write } of sent) {
    if (write.kind !== 'createDeal' || !shown || shown.some((d) => d.id === write.tempId)) continue;
    const { contact_id: contactId, title, value } = write.body;
    const same = shown.filter(
      (d) => d.contact_id === contactId && d.title === title && (d.value ?? undefined) === value,
    );
    if (same.length === 1) keys.set(same[0]!.id, write.tempId);
  }
  return keys;
}
