import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WriteRequest } from '@/lib/shared/messaging/protocol';
import { createVivreClient } from '@/lib/worker/vivre/client';
import { createDeliver } from '@/lib/worker/vivre/deliver';
import { VivreError } from '@/lib/worker/vivre/errors';
import { createHttp, REQUEST_TIMEOUT_MS } from '@/lib/worker/vivre/http';
import { createRateLimiter } from '@/lib/worker/vivre/rate-limiter';
import { CONTACT, CREDENTIALS, json, list, stubFetch, type Handler } from './fake-vivre';

function setup(handler: Handler) {
  const fake = stubFetch(handler);
  const outcomes: Array<VivreError | null> = [];
  const http = createHttp({
    getCredentials: async () => CREDENTIALS,
    limiter: createRateLimiter(),
    onOutcome: (error) => outcomes.push(error),
  });
  const client = createVivreClient(http);
  return { ...fake, client, deliver: createDeliver(client), outcomes };
}

/** Writes take the outbox's path: a WriteRequest through `deliver`, as the worker sends it. */
const logActivity = (contact_id: string, type: 'call' | 'note'): WriteRequest => ({
  kind: 'logActivity',
  body: { contact_id, type },
});

async function failure(promise: Promise<unknown>): Promise<VivreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VivreError);
  return error as VivreError;
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('Vivre client', () => {
  it('sends the key, workspace and JSON body, with the idempotency key on writes', async () => {
    const { deliver, requests } = setup(() => json(201, CONTACT));
    const body = { name: 'Rahul Sharma', email: CONTACT.email };
    await deliver({ kind: 'createContact', tempId: 'tmp_1', body }, 'idem_1');
    const [req] = requests;
    expect(req!.method).toBe('POST');
    expect(req!.url.href).toBe('https://api.vivre.test/v1/contacts');
    expect(req!.headers.get('Authorization')).toBe(`Bearer ${CREDENTIALS.apiKey}`);
    expect(req!.headers.get('X-Workspace-ID')).toBe('ws_unit');
    expect(req!.headers.get('Content-Type')).toBe('application/json');
    expect(req!.headers.get('Idempotency-Key')).toBe('idem_1');
    expect(req!.body).toEqual({ name: 'Rahul Sharma', email: CONTACT.email });
  });

  it('calls every endpoint at its documented path', async () => {
    const deal = {
      id: 'dl_1',
      contact_id: 'cnt_8821',
      title: 'T',
      stage: 'new',
      created_at: CONTACT.created_at,
    };
    const activity = {
      id: 'act_1',
      contact_id: 'cnt_8821',
      type: 'call',
      created_at: CONTACT.created_at,
    };
    const { client, deliver, requests } = setup((req) => {
      const path = req.url.pathname;
      if (path === '/v1/me')
        return json(200, {
          workspace: { id: 'ws_unit', name: 'U' },
          key: { prefix: 'vv_test_u', permissions: ['read'] },
        });
      if (path.startsWith('/v1/contacts'))
        return json(
          200,
          req.method === 'GET' && path === '/v1/contacts' ? list([CONTACT]) : CONTACT,
        );
      if (path.startsWith('/v1/deals'))
        return json(200, req.method === 'GET' ? list([deal]) : deal);
      return json(200, req.method === 'GET' ? list([activity]) : activity);
    });
    await client.me();
    await client.listContacts({ search: 'rahul', limit: 5, offset: 10 });
    await client.getContact('cnt_8821');
    await deliver({ kind: 'updateContact', contactId: 'cnt_8821', body: { stage: 'won' } }, 'k1');
    await deliver(
      { kind: 'createDeal', tempId: 'tmp_d', body: { contact_id: 'cnt_8821', title: 'T' } },
      'k2',
    );
    await deliver({ kind: 'updateDeal', dealId: 'dl_1', body: { stage: 'won' } }, 'k3');
    expect(await client.listDeals('cnt_8821')).toHaveLength(1);
    await deliver(logActivity('cnt_8821', 'call'), 'k4');
    expect(await client.listActivities('cnt_8821')).toHaveLength(1);
    expect(requests.map((r) => `${r.method} ${r.url.pathname}${r.url.search}`)).toEqual([
      'GET /v1/me',
      'GET /v1/contacts?search=rahul&limit=5&offset=10',
      'GET /v1/contacts/cnt_8821',
      'PATCH /v1/contacts/cnt_8821',
      'POST /v1/deals',
      'PATCH /v1/deals/dl_1',
      'GET /v1/deals?contact_id=cnt_8821',
      'POST /v1/activities',
      'GET /v1/activities?contact_id=cnt_8821',
    ]);
    expect(
      requests.filter((r) => r.method !== 'GET').every((r) => r.headers.get('Idempotency-Key')),
    ).toBe(true);
    expect(
      requests.filter((r) => r.method === 'GET').some((r) => r.headers.has('Idempotency-Key')),
    ).toBe(false);
  });

  it('answers null, not an error, when the assumed list endpoints do not exist', async () => {
    const { client } = setup(() =>
      json(404, { error: { type: 'not_found', message: 'No route' } }),
    );
    expect(await client.listDeals('cnt_1')).toBeNull();
    expect(await client.listActivities('cnt_1')).toBeNull();
    expect((await failure(client.getContact('cnt_1'))).kind).toBe('not_found');
  });

  it('refuses an answer that breaks the contract', async () => {
    const { client } = setup(() => json(200, { id: 'cnt_1', name: 'No email' }));
    expect((await failure(client.getContact('cnt_1'))).kind).toBe('unknown');
  });

  it('maps HTTP failures and reports them as the connection state', async () => {
    const { client, outcomes } = setup(() =>
      json(401, { error: { type: 'authentication_error', message: 'bad key' } }),
    );
    const error = await failure(client.me());
    expect(error.kind).toBe('unauthorized');
    expect(outcomes).toEqual([error]);
  });

  it('turns a write with no answer in 20 s into "outcome unknown"', async () => {
    vi.useFakeTimers();
    const { deliver } = setup(() => new Promise<Response>(() => {}));
    const pending = failure(deliver(logActivity('cnt_1', 'note'), 'k'));
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS);
    expect(await pending).toMatchObject({ kind: 'unknown', outcomeUnknown: true });
  });

  it('turns a dropped connection on a write into offline, outcome unknown', async () => {
    const { deliver } = setup(() => Promise.reject(new TypeError('Failed to fetch')));
    const deal: WriteRequest = {
      kind: 'createDeal',
      tempId: 'tmp_d',
      body: { contact_id: 'c', title: 't' },
    };
    expect(await failure(deliver(deal, 'k'))).toMatchObject({
      kind: 'offline',
      outcomeUnknown: true,
    });
  });

  it('stops at once when the caller cancels', async () => {
    const { deliver } = setup(() => new Promise<Response>(() => {}));
    const controller = new AbortController();
    const pending = failure(deliver(logActivity('c', 'note'), 'k', controller.signal));
    controller.abort();
    expect(await pending).toMatchObject({ kind: 'unknown', outcomeUnknown: true });
  });

  it('holds the next request for as long as a 429 asked', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const { client, requests } = setup(() =>
      ++calls === 1
        ? json(
            429,
            { error: { type: 'rate_limit_error', message: 'Slow down' } },
            { 'Retry-After': '5' },
          )
        : json(200, CONTACT),
    );
    expect(await failure(client.getContact('cnt_8821'))).toMatchObject({
      kind: 'rate_limited',
      retryAfter: 5,
    });
    const next = client.getContact('cnt_8821');
    await vi.advanceTimersByTimeAsync(4_900);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(await next).toMatchObject({ id: 'cnt_8821' });
    expect(requests).toHaveLength(2);
  });

  it('says "not configured" without a request when credentials are missing', async () => {
    const fake = stubFetch(() => json(200, {}));
    const http = createHttp({
      getCredentials: () =>
        Promise.reject(new VivreError({ kind: 'not_configured', message: 'Connect Vivre first.' })),
      limiter: createRateLimiter(),
    });
    expect((await failure(createVivreClient(http).me())).kind).toBe('not_configured');
    expect(fake.requests).toHaveLength(0);
  });
});
