import { describe, expect, it } from 'vitest';
import { DEMO_KEYS, expectError, uniqueEmail, useSandbox } from './sandbox-client';

const ctx = useSandbox();
let n = 0;
const newKey = () => `idem-${process.pid}-${++n}`;
const count = async (
  what: 'contacts' | 'activities',
  key: string = DEMO_KEYS.admin,
  workspace = 'ws_demo',
) => (await ctx.api('GET', '/__sandbox/state', { key, workspace })).body.counts[what] as number;

describe('Idempotency-Key', () => {
  it('replays the stored answer for the same key and body, creating nothing more', async () => {
    const key = newKey();
    const body = { name: 'Replay Person', email: uniqueEmail('replay'), tags: ['a', 'b'] };
    const before = await count('contacts');
    const first = await ctx.api('POST', '/v1/contacts', {
      body,
      headers: { 'Idempotency-Key': key },
    });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    // Same object, different key order: the same request.
    const reordered = { tags: ['a', 'b'], email: body.email, name: body.name };
    const second = await ctx.api('POST', '/v1/contacts', {
      body: reordered,
      headers: { 'Idempotency-Key': key },
    });
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await count('contacts')).toBe(before + 1);
  });

  it('answers 422 when the same key comes with a different body or endpoint', async () => {
    const key = newKey();
    const headers = { 'Idempotency-Key': key };
    await ctx.api('POST', '/v1/activities', {
      body: { contact_id: 'cnt_8822', type: 'call' },
      headers,
    });
    const other = await ctx.api('POST', '/v1/activities', {
      body: { contact_id: 'cnt_8822', type: 'email' },
      headers,
    });
    expectError(other, 422, 'idempotency_error', 'Idempotency-Key');
    const elsewhere = await ctx.api('POST', '/v1/contacts', {
      body: { name: 'X', email: uniqueEmail() },
      headers,
    });
    expectError(elsewhere, 422, 'idempotency_error');
  });

  it('also replays errors, so a retried duplicate stays the same 409', async () => {
    const key = newKey();
    const body = { name: 'Rahul', email: 'rahul.sharma@acme-tech.example' };
    const first = await ctx.api('POST', '/v1/contacts', {
      body,
      headers: { 'Idempotency-Key': key },
    });
    const again = await ctx.api('POST', '/v1/contacts', {
      body,
      headers: { 'Idempotency-Key': key },
    });
    expect([first.status, again.status]).toEqual([409, 409]);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('works on PATCH', async () => {
    const key = newKey();
    const first = await ctx.api('PATCH', '/v1/deals/dl_4421', {
      body: { title: 'Renamed once' },
      headers: { 'Idempotency-Key': key },
    });
    await ctx.api('PATCH', '/v1/deals/dl_4421', { body: { title: 'Renamed twice' } });
    const replay = await ctx.api('PATCH', '/v1/deals/dl_4421', {
      body: { title: 'Renamed once' },
      headers: { 'Idempotency-Key': key },
    });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect((await ctx.api('GET', '/v1/deals/dl_4421')).body.title).toBe('Renamed twice');
  });

  it('scopes keys per workspace', async () => {
    const key = newKey();
    const headers = { 'Idempotency-Key': key };
    const email = uniqueEmail('scoped');
    const demo = await ctx.api('POST', '/v1/contacts', {
      body: { name: 'Scoped', email },
      headers,
    });
    const other = await ctx.api('POST', '/v1/contacts', {
      key: DEMO_KEYS.otherAdmin,
      workspace: 'ws_other',
      body: { name: 'Scoped', email },
      headers,
    });
    expect(other.status).toBe(201);
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    expect(other.body.id).not.toBe(demo.body.id);
  });

  it('lets only one of two concurrent twins create', async () => {
    const key = newKey();
    const before = await count('activities');
    const body = { contact_id: 'cnt_8825', type: 'meeting', note: 'Concurrent twin' };
    const twins = await Promise.all(
      [1, 2, 3].map(() =>
        ctx.api('POST', '/v1/activities', { body, headers: { 'Idempotency-Key': key } }),
      ),
    );
    expect(twins.map((reply) => reply.status)).toEqual([201, 201, 201]);
    expect(new Set(twins.map((reply) => reply.body.id)).size).toBe(1);
    expect(
      twins.filter((reply) => reply.headers.get('idempotent-replayed') === 'true'),
    ).toHaveLength(2);
    expect(await count('activities')).toBe(before + 1);
  });

  it('creates twice without a key (the client must send one to be safe)', async () => {
    const before = await count('activities');
    const body = { contact_id: 'cnt_8825', type: 'note' };
    await ctx.api('POST', '/v1/activities', { body });
    await ctx.api('POST', '/v1/activities', { body });
    expect(await count('activities')).toBe(before + 2);
  });

  it('refuses an empty or overlong key', async () => {
    const body = { contact_id: 'cnt_8825', type: 'note' };
    for (const key of ['', 'k'.repeat(256)]) {
      const reply = await ctx.api('POST', '/v1/activities', {
        body,
        headers: { 'Idempotency-Key': key },
      });
      expectError(reply, 400, 'invalid_request', 'Idempotency-Key');
    }
  });

  it('stores a key named like an object internal like any other', async () => {
    const body = { contact_id: 'cnt_8825', type: 'call' };
    const headers = { 'Idempotency-Key': '__proto__' };
    const first = await ctx.api('POST', '/v1/activities', { body, headers });
    const again = await ctx.api('POST', '/v1/activities', { body, headers });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
  });
});

describe('--no-idempotency (the reference read literally: it never mentions the header)', () => {
  const literal = useSandbox({ idempotency: false });

  it('ignores Idempotency-Key: the same key and body create twice, nothing is replayed', async () => {
    const body = { name: 'Twice Person', email: uniqueEmail('twice') };
    const headers = { 'Idempotency-Key': 'literal-key-1' };
    const first = await literal.api('POST', '/v1/activities', {
      body: { contact_id: 'cnt_8821', type: 'note', note: body.email },
      headers,
    });
    const second = await literal.api('POST', '/v1/activities', {
      body: { contact_id: 'cnt_8821', type: 'note', note: body.email },
      headers,
    });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.id).not.toBe(first.body.id);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    // Not even validated: an over-long key is just an unknown header.
    const long = await literal.api('POST', '/v1/contacts', {
      body,
      headers: { 'Idempotency-Key': 'k'.repeat(300) },
    });
    expect(long.status).toBe(201);
  });
});
