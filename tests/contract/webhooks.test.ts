import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WEBHOOK_EVENTS } from '@/lib/shared/vivre/contract';
import { DEFAULT_DELIVERY } from '@/sandbox/webhooks';
import { DEMO_KEYS, expectError, uniqueEmail, useSandbox } from './sandbox-client';

const ctx = useSandbox({ webhooks: { retryDelaysMs: [50, 50, 50, 50, 50], timeoutMs: 300 } });

interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
  event: { id: string; type: string; created_at: string; data: Record<string, unknown> };
}

/** A local endpoint (127.0.0.1 only) that records every delivery and fails the first `failures`. */
class Receiver {
  readonly received: Received[] = [];
  private server!: Server;
  url = '';
  constructor(
    private failures = 0,
    private hang = false,
  ) {}

  async start() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        this.received.push({ headers: req.headers, raw, event: JSON.parse(raw) });
        if (this.hang) return;
        res.writeHead(this.failures-- > 0 ? 500 : 200).end('ok');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
    return this;
  }

  ofType(type: string) {
    return this.received.filter((delivery) => delivery.event.type === type);
  }

  close() {
    this.server.closeAllConnections();
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Our own HMAC, independent of the sandbox's and of tests/contract/webhook-signature.ts. */
function signatureIsValid(header: string, raw: string, secret: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const [, t, v1] = match;
  const expected = createHmac('sha256', secret).update(`${t}.${raw}`).digest();
  const fresh = Math.abs(Date.now() / 1000 - Number(t)) < 300;
  return fresh && timingSafeEqual(expected, Buffer.from(v1!, 'hex'));
}

const receivers: Receiver[] = [];
const receiver = async (failures = 0, hang = false) => {
  const created = await new Receiver(failures, hang).start();
  receivers.push(created);
  return created;
};
afterAll(() => Promise.all(receivers.map((r) => r.close())));

async function register(url: string, events: readonly string[] = WEBHOOK_EVENTS) {
  const reply = await ctx.api('POST', '/v1/webhooks', { body: { url, events } });
  expect(reply.status).toBe(201);
  return reply.body as { id: string; secret: string; url: string; events: string[] };
}

describe('registering webhooks (admin)', () => {
  it('answers 201 with the secret once, then lists without it', async () => {
    const hook = await register('http://127.0.0.1:9/never', ['contact.created']);
    expect(hook).toMatchObject({ url: 'http://127.0.0.1:9/never', events: ['contact.created'] });
    expect(hook.secret).toMatch(/^whsec_[0-9a-f]{48}$/);
    const list = await ctx.api('GET', '/v1/webhooks');
    const listed = list.body.data.find((item: { id: string }) => item.id === hook.id);
    expect(listed).toMatchObject({ id: hook.id, url: hook.url });
    expect(listed).not.toHaveProperty('secret');
    expect((await ctx.api('GET', `/v1/webhooks/${hook.id}`)).body).not.toHaveProperty('secret');
    const removed = await ctx.api('DELETE', `/v1/webhooks/${hook.id}`);
    expect(removed.body).toEqual({ id: hook.id, deleted: true });
    expectError(await ctx.api('GET', `/v1/webhooks/${hook.id}`), 404, 'not_found');
  });

  it.each([
    [{ url: 'not a url', events: ['deal.won'] }, 'url'],
    [{ url: 'ftp://127.0.0.1/x', events: ['deal.won'] }, 'url'],
    [{ url: 'http://127.0.0.1/x', events: [] }, 'events'],
    [{ url: 'http://127.0.0.1/x', events: ['deal.lost'] }, 'events.0'],
    [{ url: 'http://127.0.0.1/x' }, 'events'],
    [{ url: 'http://127.0.0.1/x', events: ['deal.won'], secret: 'mine' }, 'secret'],
  ])('refuses %j naming %s', async (body, param) => {
    expectError(await ctx.api('POST', '/v1/webhooks', { body }), 400, 'validation_error', param);
  });
});

describe('where webhooks may point', () => {
  it.each([
    'http://10.0.0.7/hooks',
    'https://example.com/hooks',
    'http://192.168.1.1:8080/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[fe80::1]/x',
    'http://0.0.0.0:22/',
  ])('refuses %s: this machine only, unless the sandbox is started to allow more', async (url) => {
    const reply = await ctx.api('POST', '/v1/webhooks', { body: { url, events: ['deal.won'] } });
    expectError(reply, 400, 'validation_error', 'url');
  });

  it.each(['http://127.0.0.1:9/x', 'http://localhost:9/x', 'http://[::1]:9/x'])(
    'accepts the loopback address %s',
    async (url) => {
      const hook = await register(url, ['deal.won']);
      await ctx.api('DELETE', `/v1/webhooks/${hook.id}`);
    },
  );

  it('refuses, even when allowed more, link-local and unspecified addresses; and checks at connect time', async () => {
    const { checkWebhookUrl, checkResolvedAddresses } = await import('@/sandbox/webhook-targets');
    expect(checkWebhookUrl('https://hooks.example.com/x', 'anywhere')).toBeNull();
    expect(checkWebhookUrl('http://169.254.169.254/', 'anywhere')).toMatch(/link-local/);
    expect(checkWebhookUrl('http://[fe80::1]/', 'anywhere')).toMatch(/link-local/);
    expect(checkWebhookUrl('http://0.0.0.0/', 'anywhere')).toMatch(/address/);
    // A name that resolves somewhere else than it claims is caught when connecting.
    expect(checkResolvedAddresses(['127.0.0.1'], 'loopback')).toBeNull();
    expect(checkResolvedAddresses(['127.0.0.1', '10.1.2.3'], 'loopback')).toMatch(/this machine/);
    expect(checkResolvedAddresses(['169.254.169.254'], 'anywhere')).toMatch(/link-local/);
    expect(checkResolvedAddresses(['::ffff:169.254.1.1'], 'anywhere')).toMatch(/link-local/);
    expect(checkResolvedAddresses(['93.184.216.34'], 'anywhere')).toBeNull();
  });
});

describe('delivering events', () => {
  let endpoint: Receiver;
  let hook: { id: string; secret: string };
  beforeAll(async () => {
    endpoint = await receiver(1);
    hook = await register(endpoint.url);
  });

  it('signs each event and retries after a failure', async () => {
    const email = uniqueEmail('hooked');
    await ctx.api('POST', '/v1/contacts', { body: { name: 'Hooked Person', email } });
    await vi.waitFor(() => expect(endpoint.ofType('contact.created')).toHaveLength(2), {
      timeout: 5000,
    });
    const [failed, retried] = endpoint.ofType('contact.created');
    expect(retried!.event.id).toBe(failed!.event.id);
    for (const delivery of [failed!, retried!]) {
      expect(delivery.headers['content-type']).toBe('application/json');
      expect(
        signatureIsValid(String(delivery.headers['x-vivre-signature']), delivery.raw, hook.secret),
      ).toBe(true);
      expect(
        signatureIsValid(
          String(delivery.headers['x-vivre-signature']),
          delivery.raw,
          'whsec_wrong',
        ),
      ).toBe(false);
      expect(Object.keys(delivery.event).sort()).toEqual(['created_at', 'data', 'id', 'type']);
      expect(delivery.event.data).toMatchObject({ name: 'Hooked Person', email });
    }
    const deliveries = await ctx.api('GET', `/v1/webhooks/${hook.id}/deliveries`);
    const record = deliveries.body.data.find(
      (d: { event: { id: string } }) => d.event.id === failed!.event.id,
    );
    expect(record.status).toBe('succeeded');
    expect(record.attempts.map((a: { status: number }) => a.status)).toEqual([500, 200]);
  });

  it('sends activity.logged and contact.scored when work is logged', async () => {
    await ctx.api('POST', '/v1/activities', { body: { contact_id: 'cnt_8824', type: 'meeting' } });
    await vi.waitFor(() => {
      expect(endpoint.ofType('activity.logged').map((d) => d.event.data.contact_id)).toContain(
        'cnt_8824',
      );
      expect(endpoint.ofType('contact.scored').map((d) => d.event.data.id)).toContain('cnt_8824');
    });
    const scored = endpoint.ofType('contact.scored').find((d) => d.event.data.id === 'cnt_8824')!;
    expect(scored.event.data.ai_score).not.toBe(scored.event.data.previous_score);
  });

  it('sends deal.created, deal.stage_changed, deal.won and contact.updated', async () => {
    const deal = await ctx.api('POST', '/v1/deals', {
      body: { contact_id: 'cnt_8825', title: 'Hooked deal' },
    });
    await ctx.api('PATCH', `/v1/deals/${deal.body.id}`, { body: { stage: 'won' } });
    await ctx.api('PATCH', '/v1/contacts/cnt_8825', {
      body: { tags: ['it', 'champion', 'hooked'] },
    });
    await vi.waitFor(() => {
      expect(endpoint.ofType('deal.created').map((d) => d.event.data.id)).toContain(deal.body.id);
      expect(endpoint.ofType('deal.won').map((d) => d.event.data.id)).toContain(deal.body.id);
      expect(endpoint.ofType('contact.updated').map((d) => d.event.data.id)).toContain('cnt_8825');
    });
    const changed = endpoint
      .ofType('deal.stage_changed')
      .find((d) => d.event.data.id === deal.body.id);
    expect(changed?.event.data).toMatchObject({ stage: 'won', previous_stage: 'new' });
  });

  it('stops delivering once the webhook is deleted', async () => {
    const quiet = await receiver();
    const gone = await register(quiet.url, ['contact.created']);
    await ctx.api('DELETE', `/v1/webhooks/${gone.id}`);
    await ctx.api('POST', '/v1/contacts', { body: { name: 'After Delete', email: uniqueEmail() } });
    await vi.waitFor(() =>
      expect(endpoint.ofType('contact.created').length).toBeGreaterThanOrEqual(3),
    );
    expect(quiet.received).toHaveLength(0);
  });

  it('keeps workspaces apart', async () => {
    const other = await receiver();
    await ctx.api('POST', '/v1/webhooks', {
      key: DEMO_KEYS.otherAdmin,
      workspace: 'ws_other',
      body: { url: other.url, events: ['contact.created'] },
    });
    const email = uniqueEmail('isolated');
    await ctx.api('POST', '/v1/contacts', { body: { name: 'Demo Only', email } });
    await vi.waitFor(() =>
      expect(endpoint.received.some((d) => d.event.data.email === email)).toBe(true),
    );
    expect(other.received).toHaveLength(0);
  });
});

describe('giving up', () => {
  it('tries an endpoint that never answers 2xx at least 5 times, then marks it failed', async () => {
    const silent = await receiver(0, true);
    const hook = await register(silent.url, ['deal.created']);
    await ctx.api('POST', '/v1/deals', { body: { contact_id: 'cnt_8826', title: 'Unheard' } });
    const record = await vi.waitFor(
      async () => {
        const list = await ctx.api('GET', `/v1/webhooks/${hook.id}/deliveries`);
        expect(list.body.data[0]?.status).toBe('failed');
        return list.body.data[0];
      },
      { timeout: 8000, interval: 100 },
    );
    expect(record.attempts.length).toBeGreaterThanOrEqual(5);
    expect(
      record.attempts.every(
        (a: { status: null; error: string }) => a.status === null && a.error.includes('No answer'),
      ),
    ).toBe(true);
    expect(silent.received.length).toBe(record.attempts.length);
  });

  it('by default waits 5 s for an answer and retries at least 5 times, first within 10 s', () => {
    expect(DEFAULT_DELIVERY.timeoutMs).toBe(5000);
    expect(DEFAULT_DELIVERY.retryDelaysMs.length + 1).toBeGreaterThanOrEqual(5);
    expect(DEFAULT_DELIVERY.retryDelaysMs[0]).toBeLessThanOrEqual(10_000);
    const delays = DEFAULT_DELIVERY.retryDelaysMs;
    expect(delays.every((delay, i) => i === 0 || delay > delays[i - 1]!)).toBe(true);
  });
});
