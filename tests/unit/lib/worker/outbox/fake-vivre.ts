/** The outbox tests' Vivre: a fake server, the errors it can answer with, and the writes it gets. */
import type { OutboxOptions } from '@/lib/worker/outbox';
import type { WriteRequest } from '@/lib/shared/messaging/protocol';
import { VivreError } from '@/lib/worker/vivre/errors';

/** What the fake server does with one call. */
export type Behaviour =
  | 'ok'
  /** The server commits, then the connection drops: the client sees an unknown outcome. */
  | 'commitThenDrop'
  /** The server commits, then the worker is killed before it hears back. */
  | 'commitThenHang'
  | VivreError;

export interface Call {
  write: WriteRequest;
  key: string;
}

/** How the fake server answers each call, told the call and its number (from 1). */
export type Behave = (call: Call, callNumber: number) => Behaviour;

/** The first call gets `behaviour`; every later one succeeds. */
export const onlyFirstCall =
  (behaviour: () => Behaviour): Behave =>
  (_call, n) =>
    n === 1 ? behaviour() : 'ok';

/**
 * A stand-in for Vivre with idempotency like the real API: a key it has committed under
 * is answered with the stored response and creates nothing.
 */
export function fakeVivre({ idempotent = true, lists = true } = {}) {
  const byKey = new Map<string, { id: string }>();
  const records: { id: string; write: WriteRequest }[] = [];
  const calls: Call[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let behave: Behave = () => 'ok';

  function commit(write: WriteRequest): { id: string } {
    if (write.kind === 'updateContact') return { id: write.contactId };
    if (write.kind === 'updateDeal') return { id: write.dealId };
    const prefix = { createContact: 'cnt', createDeal: 'dl', logActivity: 'act' }[write.kind];
    const record = { id: `${prefix}_${records.length + 1}`, write };
    records.push(record);
    return { id: record.id };
  }

  const deliver: OutboxOptions['deliver'] = async (write, key) => {
    const call = { write, key };
    calls.push(call);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      await new Promise((resolve) => setImmediate(resolve)); // a real request takes a turn
      const behaviour = behave(call, calls.length);
      if (behaviour instanceof VivreError) throw behaviour;
      const response = (idempotent ? byKey.get(key) : undefined) ?? commit(write);
      byKey.set(key, response);
      if (behaviour === 'commitThenHang') return await new Promise<never>(() => {});
      if (behaviour === 'commitThenDrop') throw errors.dropped();
      return response;
    } finally {
      inFlight--;
    }
  };

  /** The list endpoints: records matching what was sent (a contact by its email alone). */
  const readBack: NonNullable<OutboxOptions['readBack']> = async (write) => {
    await new Promise((resolve) => setImmediate(resolve));
    if (!lists) return { type: 'cannot_tell' };
    const same = (other: WriteRequest) =>
      write.kind === 'createContact' && other.kind === 'createContact'
        ? other.body.email === write.body.email
        : JSON.stringify(other) === JSON.stringify(write);
    return { type: 'found', ids: records.filter((r) => same(r.write)).map((r) => r.id) };
  };

  return {
    deliver,
    readBack,
    calls,
    records,
    get maxInFlight() {
      return maxInFlight;
    },
    behave(fn: Behave) {
      behave = fn;
    },
  };
}

export const errors = {
  server: () => new VivreError({ kind: 'server', status: 500, message: 'Vivre had a problem.' }),
  offline: () => new VivreError({ kind: 'offline', message: 'You are offline.' }),
  dropped: () =>
    new VivreError({ kind: 'unknown', message: 'Connection lost.', outcomeUnknown: true }),
  unavailable: (retryAfter: number) =>
    new VivreError({ kind: 'server', status: 503, message: 'Vivre is busy.', retryAfter }),
  rateLimited: (retryAfter?: number) =>
    new VivreError({
      kind: 'rate_limited',
      status: 429,
      message: 'Too many requests.',
      retryAfter,
    }),
  unauthorized: () =>
    new VivreError({ kind: 'unauthorized', status: 401, message: 'Reconnect to Vivre.' }),
  forbidden: () =>
    new VivreError({ kind: 'forbidden', status: 403, message: 'Your key cannot write here.' }),
  validation: (message = 'Note is too long.') =>
    new VivreError({ kind: 'validation', status: 422, message, param: 'note' }),
  conflict: (existingId?: string) =>
    new VivreError({ kind: 'conflict', status: 409, message: 'Already exists.', existingId }),
};

export const writes = {
  activity: (contact_id = 'cnt_8821', note = 'Spoke for 20 mins'): WriteRequest => ({
    kind: 'logActivity',
    body: { contact_id, type: 'call', note },
  }),
  contact: (tempId: string, email = 'priya.kapoor@bluestone.example'): WriteRequest => ({
    kind: 'createContact',
    tempId,
    body: { name: 'Priya Kapoor', email, company: 'BlueStone Foods' },
  }),
  deal: (tempId: string, contact_id: string): WriteRequest => ({
    kind: 'createDeal',
    tempId,
    body: { contact_id, title: 'Annual plan', value: 650000 },
  }),
  stage: (dealId: string, stage: 'proposal' | 'won'): WriteRequest => ({
    kind: 'updateDeal',
    dealId,
    body: { stage },
  }),
};
