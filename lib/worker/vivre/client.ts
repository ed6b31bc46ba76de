/**
 * Typed calls for every Vivre endpoint the extension uses. Answers are validated
 * against the shared contract; failures arrive as `VivreError` (see map-error.ts).
 * Writes go through `sendWrite` only, with the request write-kinds.ts gives each kind.
 */
import { z } from 'zod';
import {
  Activity,
  Contact,
  Deal,
  listEnvelope,
  type ListEnvelope,
  Me,
} from '../../shared/vivre/contract';
import { VivreError } from './errors';
import type { Http } from './http';
import type { RequestTicket } from './rate-limiter';
import type { WriteRoute } from './write-kinds';

const ContactList = listEnvelope(Contact);
const DealList = listEnvelope(Deal);
const ActivityList = listEnvelope(Activity);

/**
 * What the outbox needs from a write's answer: the record's id, when it has one. Any 2xx
 * is success whatever its body (a 204, `{ok:true}`): a write Vivre accepted must never look
 * failed because its answer drifted from the contract, or the outbox would send it again
 * forever. A create answered without an id is for the outbox to judge (it parks it).
 */
const WrittenRecord = z.unknown().transform((body): { id?: string } & Record<string, unknown> => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return {};
  const record = body as Record<string, unknown>;
  const { id } = record;
  return typeof id === 'string' && id !== '' ? { ...record, id } : { ...record, id: undefined };
});
export type WrittenRecord = z.infer<typeof WrittenRecord>;

export interface ListOptions {
  search?: string;
  limit?: number;
  offset?: number;
}

export function createVivreClient(http: Http) {
  /**
   * The deals or activities of one contact. The reference documents neither list, so a 404
   * there means "not offered": null rather than an error.
   */
  async function pageByContact<T>(
    path: '/deals' | '/activities',
    schema: z.ZodType<ListEnvelope<T>>,
    contactId: string,
    signal?: AbortSignal,
    page: { limit?: number; offset?: number } = {},
  ): Promise<ListEnvelope<T> | null> {
    try {
      return await http.request({
        method: 'GET',
        path,
        query: { contact_id: contactId, ...page },
        schema,
        signal,
      });
    } catch (error) {
      if (error instanceof VivreError && error.kind === 'not_found') return null;
      throw error;
    }
  }

  const listByContact = async <T>(...args: Parameters<typeof pageByContact<T>>) =>
    (await pageByContact(...args))?.data ?? null;

  return {
    /** For the outbox (deliver.ts): any write, answered with at least the record's id. */
    sendWrite: (
      { method, path, body }: WriteRoute,
      idempotencyKey: string,
      signal?: AbortSignal,
    ): Promise<WrittenRecord> =>
      http.request({ method, path, body, idempotencyKey, schema: WrittenRecord, signal }),

    me: (signal?: AbortSignal) => http.request({ method: 'GET', path: '/me', schema: Me, signal }),

    /** `ticket`: the scheduler's priority for it (lookups of list rows wait behind the rep). */
    listContacts: (
      options: ListOptions = {},
      signal?: AbortSignal,
      ticket?: RequestTicket,
    ): Promise<ListEnvelope<Contact>> =>
      http.request({
        method: 'GET',
        path: '/contacts',
        query: { ...options },
        schema: ContactList,
        signal,
        ticket,
      }),

    getContact: (id: string, signal?: AbortSignal) =>
      http.request({
        method: 'GET',
        path: `/contacts/${encodeURIComponent(id)}`,
        schema: Contact,
        signal,
      }),

    /** null: this Vivre does not offer deals by contact. Newest first. */
    listDeals: (
      contactId: string,
      signal?: AbortSignal,
      page?: { limit?: number; offset?: number },
    ): Promise<Deal[] | null> => listByContact('/deals', DealList, contactId, signal, page),

    /** null: this Vivre does not offer activities by contact. Newest first. */
    listActivities: (
      contactId: string,
      signal?: AbortSignal,
      page?: { limit?: number; offset?: number },
    ): Promise<Activity[] | null> =>
      listByContact('/activities', ActivityList, contactId, signal, page),

    /** One page of activities with the total, for a timeline; null: not offered. Newest first. */
    pageActivities: (
      contactId: string,
      page: { limit?: number; offset?: number } = {},
      signal?: AbortSignal,
    ): Promise<ListEnvelope<Activity> | null> =>
      pageByContact('/activities', ActivityList, contactId, signal, page),
  };
}

export type VivreClient = ReturnType<typeof createVivreClient>;
