/**
 * Reads back, through the list endpoints, whether Vivre has a create whose answer was lost
 * (the outbox's `readBack`, see lib/worker/outbox/reconcile.ts). It matches what was sent: a
 * contact by its email (Vivre keeps one per email), a deal or activity by every field sent,
 * made no earlier than `since`. Lists come newest first, so paging stops at the first older one.
 */
import type { WriteRequest } from '../../shared/messaging/protocol';
import type { Activity, Deal } from '../../shared/vivre/contract';
import { MAX_ITEMS } from '../outbox/limits';
import type { ReadBackAnswer } from '../outbox/types';
import type { VivreClient } from './client';

const PAGE = 100;
/**
 * Past this many pages of one contact's records we stop looking and let the rep check:
 * 2,000 records made by others, plus as many as this outbox itself may have delivered since
 * (a rep back from weeks offline sends up to MAX_ITEMS notes to one contact, all newer).
 */
const MAX_PAGES = 20 + Math.ceil(MAX_ITEMS / PAGE);

type Page<T> = (
  signal: AbortSignal,
  page: { limit: number; offset: number },
) => Promise<T[] | null>;

async function idsSince<T extends { id: string; created_at: string }>(
  list: Page<T>,
  matches: (record: T) => boolean,
  since: number,
  signal: AbortSignal,
): Promise<ReadBackAnswer> {
  const ids: string[] = [];
  for (let n = 0; n < MAX_PAGES; n++) {
    const records = await list(signal, { limit: PAGE, offset: n * PAGE });
    if (records === null) return { type: 'cannot_tell' };
    for (const record of records) {
      if (Date.parse(record.created_at) < since) return { type: 'found', ids };
      if (matches(record)) ids.push(record.id);
    }
    if (records.length < PAGE) return { type: 'found', ids };
  }
  return { type: 'cannot_tell' };
}

const sameOptional = <T>(sent: T | undefined, stored: T | null | undefined) =>
  sent === undefined ? stored === undefined || stored === null : sent === stored;

export function createReadBack(client: VivreClient) {
  return async (
    write: WriteRequest,
    since: number,
    signal: AbortSignal,
  ): Promise<ReadBackAnswer> => {
    switch (write.kind) {
      case 'createContact': {
        const email = write.body.email.toLowerCase();
        const { data } = await client.listContacts({ search: email, limit: PAGE }, signal);
        const ids = data.filter((c) => c.email.toLowerCase() === email).map((c) => c.id);
        return { type: 'found', ids };
      }
      case 'createDeal': {
        const sent = write.body;
        return idsSince<Deal>(
          (s, page) => client.listDeals(sent.contact_id, s, page),
          (deal) =>
            (deal.title === sent.title || deal.title === sent.title.trim()) &&
            sameOptional(sent.value, deal.value) &&
            (sent.stage === undefined || deal.stage === sent.stage),
          since,
          signal,
        );
      }
      case 'logActivity': {
        const sent = write.body;
        return idsSince<Activity>(
          (s, page) => client.listActivities(sent.contact_id, s, page),
          (activity) =>
            activity.type === sent.type &&
            sameOptional(sent.note, activity.note) &&
            sameOptional(sent.deal_id, activity.deal_id),
          since,
          signal,
        );
      }
      default:
        // Updates are never read back (reconcile.ts decides them by age).
        return { type: 'cannot_tell' };
    }
  };
}
