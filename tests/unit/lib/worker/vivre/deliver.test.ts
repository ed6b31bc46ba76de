import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WriteRequest } from '@/lib/shared/messaging/protocol';
import { createVivreClient } from '@/lib/worker/vivre/client';
import { createDeliver } from '@/lib/worker/vivre/deliver';
import { createHttp } from '@/lib/worker/vivre/http';
import { createRateLimiter } from '@/lib/worker/vivre/rate-limiter';
import { CONTACT, CREDENTIALS, json, stubFetch } from './fake-vivre';

const created = CONTACT.created_at;
const RECORDS: Record<string, unknown> = {
  'POST /v1/contacts': CONTACT,
  'PATCH /v1/contacts/cnt_8821': CONTACT,
  'POST /v1/deals': {
    id: 'dl_1',
    contact_id: 'cnt_8821',
    title: 'Annual plan',
    stage: 'new',
    created_at: created,
  },
  'PATCH /v1/deals/dl_1': {
    id: 'dl_1',
    contact_id: 'cnt_8821',
    title: 'Annual plan',
    stage: 'won',
    created_at: created,
  },
  'POST /v1/activities': { id: 'act_1', contact_id: 'cnt_8821', type: 'call', created_at: created },
};

function setup() {
  const fake = stubFetch((req) => json(200, RECORDS[`${req.method} ${req.url.pathname}`]));
  const http = createHttp({
    getCredentials: async () => CREDENTIALS,
    limiter: createRateLimiter(),
  });
  return { ...fake, client: createVivreClient(http) };
}

afterEach(() => vi.unstubAllGlobals());

describe('deliver', () => {
  it.each<[WriteRequest, string, string]>([
    [
      { kind: 'createContact', tempId: 'tmp_1', body: { name: 'Rahul', email: CONTACT.email } },
      'POST /v1/contacts',
      'cnt_8821',
    ],
    [
      { kind: 'updateContact', contactId: 'cnt_8821', body: { stage: 'won' } },
      'PATCH /v1/contacts/cnt_8821',
      'cnt_8821',
    ],
    [
      {
        kind: 'createDeal',
        tempId: 'tmp_d',
        body: { contact_id: 'cnt_8821', title: 'Annual plan' },
      },
      'POST /v1/deals',
      'dl_1',
    ],
    [
      { kind: 'updateDeal', dealId: 'dl_1', body: { stage: 'won' } },
      'PATCH /v1/deals/dl_1',
      'dl_1',
    ],
    [
      { kind: 'logActivity', body: { contact_id: 'cnt_8821', type: 'call' } },
      'POST /v1/activities',
      'act_1',
    ],
  ])('sends %j as %s with the outbox key, and answers the record id', async (write, route, id) => {
    const { client, requests } = setup();
    const deliver = createDeliver(client);
    expect(await deliver(write, 'idem_42', new AbortController().signal)).toEqual({ id });
    expect(`${requests[0]!.method} ${requests[0]!.url.pathname}`).toBe(route);
    expect(requests[0]!.headers.get('Idempotency-Key')).toBe('idem_42');
    expect(requests[0]!.body).toEqual(write.body);
  });

  it('takes the id of a record Vivre accepted even when the rest of the answer drifted from the contract', async () => {
    const fake = stubFetch(() =>
      json(201, { id: 'cnt_new', name: 'New', email: 'n@x.example', ai_score: null }),
    );
    const http = createHttp({
      getCredentials: async () => CREDENTIALS,
      limiter: createRateLimiter(),
    });
    const seen: unknown[] = [];
    const deliver = createDeliver(
      createVivreClient(http),
      (_write, record) => void seen.push(record),
    );
    const write: WriteRequest = {
      kind: 'createContact',
      tempId: 't',
      body: { name: 'New', email: 'n@x.example' },
    };
    expect(await deliver(write, 'k', new AbortController().signal)).toEqual({ id: 'cnt_new' });
    expect(seen).toEqual([{ id: 'cnt_new', name: 'New', email: 'n@x.example', ai_score: null }]);
    expect(fake.requests).toHaveLength(1);
  });

  it('still reports success when the contact cache cannot be told', async () => {
    const { client } = setup();
    const deliver = createDeliver(client, () => Promise.reject(new Error('cache closed')));
    const write: WriteRequest = {
      kind: 'updateContact',
      contactId: 'cnt_8821',
      body: { stage: 'won' },
    };
    expect(await deliver(write, 'k', new AbortController().signal)).toEqual({ id: 'cnt_8821' });
  });
});
