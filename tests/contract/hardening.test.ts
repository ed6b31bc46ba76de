/**
 * The sandbox under the review of 2026-11-25: it runs on a developer's machine, its admin
 * keys are published, and any website the developer visits can try to reach it. Nothing a
 * browser page, a broken client or a slow one sends may drive it, crash it or hold it.
 */
import { createConnection } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DEMO_KEYS, expectError, useSandbox } from './sandbox-client';
import { rawExchange, rawJson } from './raw-http';

const ctx = useSandbox({
  timeouts: { headersMs: 400, requestMs: 800, keepAliveMs: 400, checkEveryMs: 100 },
});
const capped = useSandbox({ maxConnections: 4 });
/** The default 30 s request timeout: a connection that closes here was closed on purpose. */
const patient = useSandbox();

const ME = 'GET /v1/me HTTP/1.1\r\n';
const authed = (host: string) =>
  `Host: ${host}\r\nAuthorization: Bearer ${DEMO_KEYS.admin}\r\nX-Workspace-ID: ws_demo\r\n` +
  'Connection: close\r\n';
const host = () => new URL(ctx.sandbox.url).host;

describe('browsers cannot drive it', () => {
  it('sends no CORS or Private-Network headers, on answers or preflights', async () => {
    const preflight = await fetch(`${ctx.sandbox.baseUrl}/contacts`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://evil.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Private-Network': 'true',
      },
    });
    const answer = await ctx.api('GET', '/v1/contacts/cnt_8821');
    for (const headers of [preflight.headers, answer.headers]) {
      expect([...headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
  });

  it('refuses a request that a web page sent (its Origin says so), before doing anything', async () => {
    const before = (await ctx.api('GET', '/__sandbox/state')).body.counts.contacts;
    for (const origin of ['https://evil.example', 'http://127.0.0.1:3000', 'null']) {
      const reply = await ctx.api('POST', '/v1/contacts', {
        body: { name: 'From a page', email: 'page@evil.example' },
        headers: { Origin: origin },
      });
      expectError(reply, 403, 'permission_error');
    }
    expect((await ctx.api('GET', '/__sandbox/state')).body.counts.contacts).toBe(before);
    // The extension's own requests carry its origin, and are served.
    for (const origin of ['chrome-extension://abcdefghijklmnop', 'moz-extension://1234-5678']) {
      expect((await ctx.api('GET', '/v1/me', { headers: { Origin: origin } })).status).toBe(200);
    }
  });

  it('refuses a Host that names another site (DNS rebinding)', async () => {
    const reply = await rawExchange(ctx.sandbox.url, [`${ME}${authed('rebind.evil.example')}\r\n`]);
    expect(reply.status).toBe(400);
    expect(rawJson(reply)).toMatchObject({ error: { type: 'invalid_request', param: 'Host' } });
    const local = await rawExchange(ctx.sandbox.url, [
      `${ME}${authed(`localhost:${ctx.sandbox.port}`)}\r\n`,
    ]);
    expect(local.status).toBe(200);
  });
});

describe('bad requests are 400s, never 500s', () => {
  it.each([
    ['an absolute URL with an impossible port', 'GET http://a:99999/v1/me HTTP/1.1\r\n'],
    ['an absolute URL with no host', 'GET http:///v1/me HTTP/1.1\r\n'],
    ['a request line that is not HTTP', 'HELLO\r\n'],
    ['a control character in the path', 'GET /v1/\x01me HTTP/1.1\r\n'],
  ])('%s', async (_what, line) => {
    const reply = await rawExchange(ctx.sandbox.url, [`${line}${authed(host())}\r\n`]);
    expect(reply.status).toBe(400);
  });

  it('serves an absolute-form request line that parses', async () => {
    const line = `GET ${ctx.sandbox.url}/v1/me HTTP/1.1\r\n`;
    expect((await rawExchange(ctx.sandbox.url, [`${line}${authed(host())}\r\n`])).status).toBe(200);
  });
});

describe('who is asking comes before what they send', () => {
  it('answers 401 without waiting for a body it will never read', async () => {
    const head =
      `POST /v1/contacts HTTP/1.1\r\nHost: ${host()}\r\nAuthorization: Bearer vv_test_nobody_000000000000\r\n` +
      'X-Workspace-ID: ws_demo\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\n\r\n{"na';
    const reply = await rawExchange(ctx.sandbox.url, [head]);
    expect(reply.status).toBe(401);
    expect(reply.ms).toBeLessThan(2000);
  });

  it('answers 413 from the declared length alone, without reading the body', async () => {
    const head =
      `POST /v1/contacts HTTP/1.1\r\n${authed(host())}Content-Type: application/json\r\n` +
      'Content-Length: 50000000\r\n\r\n{"na';
    const reply = await rawExchange(ctx.sandbox.url, [head]);
    expect(reply.status).toBe(413);
  });
});

describe('a body over 1 MB ends the connection', () => {
  const post = (host: string, framing: string) =>
    `POST /v1/contacts HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${DEMO_KEYS.admin}\r\n` +
    `X-Workspace-ID: ws_demo\r\nContent-Type: application/json\r\n${framing}\r\n`;
  // The test's timeout is the assertion: the server must close long before its 30 s timeout.
  const FIVE_SECONDS = 5_000;

  it(
    'answers 413 to a 2 MB chunked body and closes the socket without reading the rest',
    async () => {
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const chunks = Array.from({ length: 32 }, () =>
        Buffer.concat([
          Buffer.from(`${chunk.length.toString(16)}\r\n`),
          chunk,
          Buffer.from('\r\n'),
        ]),
      );
      const head = post(new URL(patient.sandbox.url).host, 'Transfer-Encoding: chunked\r\n');
      const reply = await rawExchange(patient.sandbox.url, [head, ...chunks, '0\r\n\r\n'], {
        waitMs: 60_000,
      });
      expect(reply.status).toBe(413);
      expect(reply.text).toMatch(/\r\nConnection: close\r\n/i);
      expect(reply.closed).toBe(true);
    },
    FIVE_SECONDS,
  );

  it(
    'closes the socket after a 413 from the declared length, without waiting for the body',
    async () => {
      const head = post(new URL(patient.sandbox.url).host, 'Content-Length: 50000000\r\n');
      const reply = await rawExchange(patient.sandbox.url, [`${head}{"na`], { waitMs: 60_000 });
      expect(reply.status).toBe(413);
      expect(reply.closed).toBe(true);
    },
    FIVE_SECONDS,
  );
});

describe('slow and greedy clients', () => {
  it('closes a connection whose headers never end', async () => {
    const reply = await rawExchange(ctx.sandbox.url, [`${ME}Host: ${host()}\r\nX-Slow: 1\r\n`], {
      waitMs: 3000,
    });
    expect(reply.closed).toBe(true);
    expect(reply.ms).toBeLessThan(2500);
  });

  it('closes a connection that never sends a byte', async () => {
    // Silent connections must not hold slots of the connection cap: 256 of them would shut it.
    const reply = await rawExchange(ctx.sandbox.url, [], { waitMs: 3000 });
    expect(reply.closed).toBe(true);
  });

  it('closes a connection whose body never arrives', async () => {
    const head =
      `POST /v1/contacts HTTP/1.1\r\n${authed(host())}Content-Type: application/json\r\n` +
      'Content-Length: 100\r\n\r\n{"name":';
    const reply = await rawExchange(ctx.sandbox.url, [head], { waitMs: 3000 });
    expect(reply.closed).toBe(true);
    expect(reply.ms).toBeLessThan(2500);
  });

  it('holds at most its connection cap, and serves again once they close', async () => {
    const sockets = Array.from({ length: 8 }, () => {
      const socket = createConnection(capped.sandbox.port, '127.0.0.1');
      const state = { socket, closed: false };
      socket.on('error', () => undefined);
      socket.on('close', () => (state.closed = true));
      return state;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sockets.filter((s) => !s.closed).length).toBeLessThanOrEqual(4);
    const refused = await rawExchange(capped.sandbox.url, [`${ME}${authed(host())}\r\n`]);
    expect(refused.status).toBeNull();
    for (const { socket } of sockets) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await capped.api('GET', '/v1/me')).status).toBe(200);
  });
});

describe('faults belong to a workspace', () => {
  it('lets one workspace break only itself', async () => {
    const other = { key: DEMO_KEYS.otherAdmin, workspace: 'ws_other' };
    try {
      await ctx.api('PUT', '/__sandbox/faults', { ...other, body: { errorRate: 1 } });
      expect([500, 503]).toContain((await ctx.api('GET', '/v1/me', other)).status);
      expect((await ctx.api('GET', '/v1/me')).status).toBe(200);
      expect((await ctx.api('GET', '/__sandbox/state')).body.faults.errorRate).toBe(0);
    } finally {
      await ctx.api('PUT', '/__sandbox/faults', { ...other, body: { errorRate: 0 } });
    }
  });
});
