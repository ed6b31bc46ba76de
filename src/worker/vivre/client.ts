/**
 * Typed calls for every Vivre endpoint the extension uses. Answers are validated
 * against the shared contract; failures arrive as `VivreError` (see map-error.ts).
 */
import { z } from 'zod';
import {
  Activity,
  type ActivityCreate,
  Contact,
  type ContactCreate,
  type ContactUpdate,
  Deal,
  type DealCreate,
  type DealUpdate,
  listEnvelope,
  type ListEnvelope,
  Me,
} from '../../shared/vivre/contract';
import { VivreError } from './errors';
import type { Http } from './http';

const ContactList = listEnvelope(Contact);

/**
 * What the outbox needs from a write's answer: the record's id. Looser than the typed
 * calls on purpose: a write Vivre accepted must never look failed because one field of
 * its answer drifted from the contract, or the outbox would send it again forever.
 */
const WrittenRecord = z.looseObject({ id: z.string().min(1) });
export type WrittenRecord = z.infer<typeof WrittenRecord>;
const DealList = listEnvelope(Deal);
const ActivityList = listEnvelope(Activity);

export interface ListOptions {
  search?: string;
  limit?: number;
  offset?: number;
}

/** The reference documents no list of deals or activities by contact; a 404 there means "not offered". */
async function orNullWhenMissing<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof VivreError && error.kind === 'not_found') return null;
    throw error;
  }
}

export function createVivreClient(http: Http) {
  const write = <S extends z.ZodTypeAny>(
    method: 'POST' | 'PATCH',
    path: string,
    body: unknown,
    idempotencyKey: string,
    schema: S,
    signal?: AbortSignal,
  ) => http.request({ method, path, body, idempotencyKey, schema, signal });

  return {
    /** For the outbox (deliver.ts): any write, answered with at least the record's id. */
    sendWrite: (
      method: 'POST' | 'PATCH',
      path: string,
      body: object,
      idempotencyKey: string,
      signal?: AbortSignal,
    ): Promise<WrittenRecord> => write(method, path, body, idempotencyKey, WrittenRecord, signal),

    me: (signal?: AbortSignal) => http.request({ method: 'GET', path: '/me', schema: Me, signal }),

    listContacts: (
      options: ListOptions = {},
      signal?: AbortSignal,
    ): Promise<ListEnvelope<Contact>> =>
      http.request({
        method: 'GET',
        path: '/contacts',
        query: { ...options },
        schema: ContactList,
        signal,
      }),

    getContact: (id: string, signal?: AbortSignal) =>
      http.request({
        method: 'GET',
        path: `/contacts/${encodeURIComponent(id)}`,
        schema: Contact,
        signal,
      }),

    createContact: (body: ContactCreate, idempotencyKey: string, signal?: AbortSignal) =>
      write('POST', '/contacts', body, idempotencyKey, Contact, signal),

    updateContact: (
      id: string,
      body: ContactUpdate,
      idempotencyKey: string,
      signal?: AbortSignal,
    ) =>
      write('PATCH', `/contacts/${encodeURIComponent(id)}`, body, idempotencyKey, Contact, signal),

    createDeal: (body: DealCreate, idempotencyKey: string, signal?: AbortSignal) =>
      write('POST', '/deals', body, idempotencyKey, Deal, signal),

    updateDeal: (id: string, body: DealUpdate, idempotencyKey: string, signal?: AbortSignal) =>
      write('PATCH', `/deals/${encodeURIComponent(id)}`, body, idempotencyKey, Deal, signal),

    /** null: this Vivre does not offer deals by contact. */
    listDeals: async (contactId: string, signal?: AbortSignal): Promise<Deal[] | null> => {
      const list = await orNullWhenMissing(
        http.request({
          method: 'GET',
          path: '/deals',
          query: { contact_id: contactId },
          schema: DealList,
          signal,
        }),
      );
      return list?.data ?? null;
    },

    createActivity: (body: ActivityCreate, idempotencyKey: string, signal?: AbortSignal) =>
      write('POST', '/activities', body, idempotencyKey, Activity, signal),

    /** null: this Vivre does not offer activities by contact. */
    listActivities: async (contactId: string, signal?: AbortSignal): Promise<Activity[] | null> => {
      const list = await orNullWhenMissing(
        http.request({
          method: 'GET',
          path: '/activities',
          query: { contact_id: contactId },
          schema: ActivityList,
          signal,
        }),
      );
      return list?.data ?? null;
    },
  };
}

export type VivreClient = ReturnType<typeof createVivreClient>;
