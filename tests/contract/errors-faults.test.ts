import { describe, expect, it } from 'vitest';
import { DEMO_KEYS, expectError, uniqueEmail, useSandbox } from './sandbox-client';

const ctx = useSandbox();
const auth = {
  Authorization: `Bearer ${DEMO_KEYS.admin}`,
  'X-Workspace-ID': 'ws_demo',
};

async function post(path: string, body: string, contentType?: string) {
  const headers: Record<string, string> = { ...auth };
  if (contentType) headers['Content-Type'] = contentType;
  const response = await fetch(`${ctx.sandbox.url}${path}`, { method: 'POST', headers, body });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

const contactCount = async () =>
  (await ctx.api('GET', '/__sandbox/state')).body.counts.contacts as number;

describe('request bodies', () => {
  it.each([
    ['malformed JSON', '{"name": "A",'],
    ['an empty body', ''],
    ['a JSON array', '[]'],
    ['JSON null', 'null'],
    ['a JSON string', '"hello"'],
  ])('answers 400 to %s', async (_name, body) => {
    expectError(await post('/v1/contacts', body, 'application/json'), 400, 'invalid_request');
  });

  it.each([
    ['no content type', undefined],
    ['text/plain', 'text/plain'],
    ['form encoding', 'application/x-www-form-urlencoded'],
  ])('answers 415 to %s', async (_name, type) => {
    const body = JSON.stringify({ name: 'A', email: uniqueEmail() });
    expectError(await post('/v1/contacts', body, type), 415, 'unsupported_media_type');
  });

  it('accepts application/json with a charset', async () => {
    const body = JSON.stringify({ name: 'Charset Person', email: uniqueEmail() });
    expect((await post('/v1/contacts', body, 'application/json; charset=utf-8')).status).toBe(201);
  });

  it('answers 413 to a body over 1 MB and stores nothing', async () => {
    const before = await contactCount();
    const body = JSON.stringify({
      name: 'Big',
      email: uniqueEmail(),
      company: 'x'.repeat(1024 * 1024),
    });
    expectError(await post('/v1/contacts', body, 'application/json'), 413, 'payload_too_large');
    expect(await contactCount()).toBe(before);
  });

  it('answers 400, not a crash, to absurdly deep nesting, with or without an idempotency key', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const body = `{"name": "A", "email": "a@b.example", "tags": ${deep}}`;
    expectError(await post('/v1/contacts', body, 'application/json'), 400, 'invalid_request');
    const response = await fetch(`${ctx.sandbox.url}/v1/contacts`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json', 'Idempotency-Key': 'deep-body' },
      body,
    });
    expectError(
      { status: response.status, headers: response.headers, body: await response.json() },
      400,
      'invalid_request',
    );
  });

  it('treats look-alikes of object internals as ordinary bad input', async () => {
    const proto = await post(
      '/v1/contacts',
      '{"__proto__": {"x": 1}, "name": "A", "email": "a@b.example"}',
      'application/json',
    );
    expectError(proto, 400, 'validation_error', '__proto__');
    for (const id of ['__proto__', 'constructor', 'hasOwnProperty', '%E0%A4%A']) {
      expectError(await ctx.api('GET', `/v1/contacts/${id}`), 404, 'not_found');
    }
    expectError(
      await ctx.api('GET', '/v1/contacts?constructor=1'),
      400,
      'validation_error',
      'constructor',
    );
  });
});

describe('routes', () => {
  it('answers 404 to an unknown endpoint and 405 to a wrong method', async () => {
    expectError(await ctx.api('GET', '/v1/leads'), 404, 'not_found');
    expectError(await ctx.api('GET', '/elsewhere'), 404, 'not_found');
    expectError(await ctx.api('DELETE', '/v1/contacts/cnt_8821'), 405, 'invalid_request');
    expect((await ctx.api('GET', '/v1/contacts/cnt_8821')).status).toBe(200);
  });

  it('answers 404 to unknown deal and webhook ids', async () => {
    expectError(await ctx.api('GET', '/v1/deals/dl_0'), 404, 'not_found');
    expectError(await ctx.api('DELETE', '/v1/webhooks/wh_0'), 404, 'not_found');
    expectError(await ctx.api('GET', '/v1/webhooks/wh_0/deliveries'), 404, 'not_found');
  });
});

describe('fault injection', () => {
  it('answers 500 or 503 to every request at errorRate 1, and does nothing', async () => {
    const before = await contactCount();
    ctx.sandbox.setFaults({ errorRate: 1 });
    try {
      const read = await ctx.api('GET', '/v1/contacts/cnt_8821');
      expect([500, 503]).toContain(read.status);
      expectError(read, read.status, 'server_error');
      if (read.status === 503) expect(read.headers.get('retry-after')).toBe('1');
      const write = await ctx.api('POST', '/v1/contacts', {
        body: { name: 'A', email: uniqueEmail() },
        headers: { 'Idempotency-Key': 'fault-500-key' },
      });
      expect([500, 503]).toContain(write.status);
    } finally {
      ctx.sandbox.setFaults({ errorRate: 0 });
    }
    expect(await contactCount()).toBe(before);
    // A failed attempt is not remembered: the retry under the same key runs for real.
    const retry = await ctx.api('POST', '/v1/contacts', {
      body: { name: 'A', email: uniqueEmail() },
      headers: { 'Idempotency-Key': 'fault-500-key' },
    });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
  });

  it('commits then drops the connection at dropRate 1; the retry with the same key replays', async () => {
    const before = await contactCount();
    const body = { name: 'Dropped Answer', email: uniqueEmail('dropped') };
    const headers = { 'Idempotency-Key': 'drop-key-1' };
    ctx.sandbox.setFaults({ dropRate: 1 });
    try {
      await expect(ctx.api('POST', '/v1/contacts', { body, headers })).rejects.toThrow();
      // Reads are never dropped.
      expect((await ctx.api('GET', '/v1/contacts/cnt_8821')).status).toBe(200);
    } finally {
      ctx.sandbox.setFaults({ dropRate: 0 });
    }
    expect(await contactCount()).toBe(before + 1);
    const retry = await ctx.api('POST', '/v1/contacts', { body, headers });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await contactCount()).toBe(before + 1);
    const found = await ctx.api('GET', `/v1/contacts?search=${encodeURIComponent(body.email)}`);
    expect(found.body.data.map((c: { id: string }) => c.id)).toEqual([retry.body.id]);
  });

  it('is switched by admins through PUT /__sandbox/faults, never faulted itself', async () => {
    const set = await ctx.api('PUT', '/__sandbox/faults', { body: { errorRate: 1, latencyMs: 5 } });
    expect(set.body).toEqual({ latencyMs: 5, errorRate: 1, dropRate: 0 });
    expect([500, 503]).toContain((await ctx.api('GET', '/v1/me')).status);
    const state = await ctx.api('GET', '/__sandbox/state');
    expect(state.body.faults).toEqual({ latencyMs: 5, errorRate: 1, dropRate: 0 });
    const off = await ctx.api('PUT', '/__sandbox/faults', { body: { errorRate: 0, latencyMs: 0 } });
    expect(off.status).toBe(200);
    expect((await ctx.api('GET', '/v1/me')).status).toBe(200);
  });

  it.each([
    [{ errorRate: 2 }, 'errorRate'],
    [{ dropRate: -0.1 }, 'dropRate'],
    [{ latencyMs: 'slow' }, 'latencyMs'],
    [{ chaos: true }, 'chaos'],
  ])('refuses fault settings %j naming the field', async (body, param) => {
    expectError(
      await ctx.api('PUT', '/__sandbox/faults', { body }),
      400,
      'validation_error',
      param,
    );
  });
});

describe('GET /__sandbox/state', () => {
  it('counts the caller’s workspace only', async () => {
    const demo = (await ctx.api('GET', '/__sandbox/state')).body;
    expect(demo.workspace.id).toBe('ws_demo');
    expect(demo.counts.contacts).toBeGreaterThanOrEqual(250);
    expect(demo.counts.deals).toBeGreaterThan(0);
    expect(demo.counts.activities).toBeGreaterThan(0);
    const other = await ctx.api('GET', '/__sandbox/state', {
      key: DEMO_KEYS.otherAdmin,
      workspace: 'ws_other',
    });
    expect(other.body.counts.contacts).toBeLessThan(10);
  });
});
