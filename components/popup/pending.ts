/**
 * What the outbox still holds for a contact, laid over what Vivre last said: deals created and
 * stages moved while offline show in the Deal menu (so no one creates the same deal twice), and
 * a note logged a minute ago shows as the latest activity. Pure: reads the writes the worker
 * found for the contact (./use-pending-for.ts), not the feed, whose first page may not hold them.
 */
import type { OutboxItemView, WriteRequest } from '../../lib/shared/messaging/protocol';
import { applyDealWrite, type DealWrite } from '../../lib/shared/deal-writes';
import type { Activity, Deal } from '../../lib/shared/vivre/contract-types';

type Write<K extends WriteRequest['kind']> = Extract<WriteRequest, { kind: K }>;

/** Waiting and stuck items, oldest first: both are kept until they reach Vivre or are discarded. */
function pendingItems(pending: readonly OutboxItemView[]): OutboxItemView[] {
  return pending
    .filter((item) => item.state !== 'synced')
    .sort((a, b) => a.createdAt - b.createdAt);
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A new deal for this contact, or any deal update (it changes only a deal in their list). */
function concernsDealsOf(contactId: string, write: WriteRequest): write is DealWrite {
  if (write.kind === 'createDeal') return write.body.contact_id === contactId;
  return write.kind === 'updateDeal';
}

/**
 * The contact's deals with the outbox applied, or null when Vivre's list is unknown and the
 * outbox adds none.
 */
export function dealsWithPending(
  deals: Deal[] | null,
  contactId: string,
  pending: readonly OutboxItemView[],
): Deal[] | null {
  const shown = pendingItems(pending).reduce<Deal[]>(
    (list, { write, createdAt }) =>
      concernsDealsOf(contactId, write) ? applyDealWrite(list, write, createdAt) : list,
    deals ?? [],
  );
  if (deals === null && shown.length === 0) return null;
  return shown;
}

/** The contact's activities, newest first, with those still in the outbox in front. */
export function activitiesWithPending(
  activities: Activity[] | null,
  contactId: string,
  outbox: readonly OutboxItemView[],
): Array<Activity & { pending?: true }> {
  const pending = pendingItems(outbox)
    .filter(
      (item): item is OutboxItemView & { write: Write<'logActivity'> } =>
        item.write.kind === 'logActivity' && item.write.body.contact_id === contactId,
    )
    .map((item) => ({
      id: item.id,
      contact_id: contactId,
      deal_id: item.write.body.deal_id ?? null,
      type: item.write.body.type,
      note: item.write.body.note ?? null,
      created_at: iso(item.createdAt),
      pending: true as const,
    }))
    .reverse();
  return [...pending, ...(activities ?? [])];
}
