/**
 * What the outbox still holds for a contact, laid over what Vivre last said: deals created and
 * stages moved while offline show in the Deal menu (so no one creates the same deal twice), and
 * a note logged a minute ago shows as the latest activity. Pure: reads the published feed.
 */
import type { OutboxItemView, WriteRequest } from '../../lib/shared/messaging/protocol';
import type { OutboxFeed } from '../../lib/shared/storage/table';
import type { Activity, Deal } from '../../lib/shared/vivre/contract-types';

type Write<K extends WriteRequest['kind']> = Extract<WriteRequest, { kind: K }>;

/** Waiting and stuck items, oldest first: both are kept until they reach Vivre or are discarded. */
function pendingItems(outbox: OutboxFeed | null): OutboxItemView[] {
  if (!outbox) return [];
  return [...outbox.waiting, ...outbox.attention].sort((a, b) => a.createdAt - b.createdAt);
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The contact's deals with the outbox applied, or null when Vivre's list is unknown and the
 * outbox adds none.
 */
export function dealsWithPending(
  deals: Deal[] | null,
  contactId: string,
  outbox: OutboxFeed | null,
): Deal[] | null {
  const byId = new Map((deals ?? []).map((deal) => [deal.id, deal]));
  for (const item of pendingItems(outbox)) {
    const { write } = item;
    if (write.kind === 'createDeal' && write.body.contact_id === contactId) {
      const created: Write<'createDeal'> = write;
      byId.set(created.tempId, {
        id: created.tempId,
        contact_id: contactId,
        title: created.body.title,
        value: created.body.value ?? null,
        stage: created.body.stage ?? 'new',
        created_at: iso(item.createdAt),
        closed_at: null,
      });
    } else if (write.kind === 'updateDeal' && write.body.stage) {
      const deal = byId.get(write.dealId);
      if (deal) byId.set(deal.id, { ...deal, stage: write.body.stage });
    }
  }
  if (deals === null && byId.size === 0) return null;
  return [...byId.values()];
}

/** The contact's activities, newest first, with those still in the outbox in front. */
export function activitiesWithPending(
  activities: Activity[] | null,
  contactId: string,
  outbox: OutboxFeed | null,
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
