/**
 * Fuzzing the sandbox: random requests from every kind of caller (each demo key, another
 * workspace's key, made-up keys, none), to every route and to nonsense, with random
 * headers, queries and bodies, and random bytes as the request itself. Whatever arrives:
 * never a 500 (no faults are set), never a hang, never an answer that is not the error
 * envelope when it is an error, and never another workspace's data.
 *
 * Seeded, so a failure names its seed and replays; FUZZ_SEED overrides it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ErrorEnvelope } from '@/lib/shared/vivre/contract';
import { DEMO_KEYS, useSandbox } from './sandbox-client';
import { rawExchange } from './raw-http';

const ctx = useSandbox({ rateLimit: 1_000_000, timeouts: { headersMs: 500, requestMs: 1000 } });
const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const HANG_MS = 3000;

/** Records only ws_demo holds (seeded), and only ws_other holds. */
const DEMO_ONLY = ['cnt_8821', 'cnt_8822', 'dl_4420', 'BlueStone Foods — Annual plan'];
const OTHER_ONLY = ['cnt_9001'];

const callers = fc.constantFrom(
  { key: DEMO_KEYS.admin, workspace: 'ws_demo' },
  { key: DEMO_KEYS.write, workspace: 'ws_demo' },
  { key: DEMO_KEYS.read, workspace: 'ws_demo' },
  { key: DEMO_KEYS.otherAdmin, workspace: 'ws_other' },
  { key: DEMO_KEYS.otherAdmin, workspace: 'ws_demo' },
  { key: DEMO_KEYS.admin, workspace: 'ws_other' },
  { key: 'vv_test_made_up_key_00000000000', workspace: 'ws_demo' },
  { key: null, workspace: null },
);

const ids = fc.oneof(
  fc.constantFrom('cnt_8821', 'cnt_9001', 'dl_4420', 'act_1', 'wh_1', '..', '.', '%2e%2e', ''),
  fc.constantFrom('__proto__', 'constructor', '%E0%A4%A', '%00', 'a/../b', '😀'),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
);

const paths = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('contacts', 'deals', 'activities', 'webhooks', 'me', 'leads'),
      fc.option(ids, { nil: undefined }),
      fc.option(fc.constantFrom('deliveries', 'x'), { nil: undefined }),
    )
    .map(([collection, id, tail]) =>
      ['/v1', collection, id, tail].filter((p) => p !== undefined).join('/'),
    ),
  fc.constantFrom('/__sandbox/state', '/__sandbox/faults', '/', '//v1//contacts', '/v1/../v1/me'),
  fc.string({ maxLength: 60 }).map((s) => `/${encodeURIComponent(s)}`),
);

const queries = fc.dictionary(
  fc.constantFrom('limit', 'offset', 'search', 'score_min', 'contact_id', 'constructor', 'x'),
  fc.oneof(
    fc.integer({ min: -5, max: 1000 }).map(String),
    fc.string({ maxLength: 20 }),
    fc.constantFrom('cnt_8821', 'cnt_9001'),
  ),
  { maxKeys: 3 },
);

/** JSON-ish values, with the shapes of real bodies mixed in so validation is reached. */
const bodies = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.record(
    {
      name: fc.oneof(fc.string({ maxLength: 30 }), fc.integer()),
      email: fc.oneof(fc.emailAddress(), fc.string({ maxLength: 20 })),
      contact_id: fc.constantFrom('cnt_8821', 'cnt_9001', 'tmp_x', ''),
      deal_id: fc.constantFrom('dl_4420', 'dl_0'),
      type: fc.constantFrom('call', 'note', 'fax'),
      title: fc.string({ maxLength: 30 }),
      stage: fc.constantFrom('new', 'won', 'lost'),
      url: fc.constantFrom('http://127.0.0.1:9/x', 'http://169.254.169.254/', 'https://x.example/'),
      events: fc.array(fc.constantFrom('deal.won', 'contact.created', 'nope'), { maxLength: 3 }),
      errorRate: fc.double({ min: -1, max: 2, noNaN: true }),
      __proto__: fc.constant({ polluted: true }),
    },
    { requiredKeys: [] },
  ),
);

const requests = fc.record({
  caller: callers,
  method: fc.constantFrom('GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'PROPFIND'),
  path: paths,
  query: queries,
  body: fc.option(bodies, { nil: undefined }),
  contentType: fc.constantFrom(
    'application/json',
    'text/plain',
    'application/json; charset=latin1',
    undefined,
  ),
  idempotencyKey: fc.option(fc.string({ maxLength: 300 }), { nil: undefined }),
  origin: fc.option(fc.constantFrom('https://evil.example', 'chrome-extension://abc'), {
    nil: undefined,
  }),
});

type FuzzRequest = typeof requests extends fc.Arbitrary<infer T> ? T : never;

async function send(request: FuzzRequest) {
  const headers: Record<string, string> = {};
  if (request.caller.key) headers.Authorization = `Bearer ${request.caller.key}`;
  if (request.caller.workspace) headers['X-Workspace-ID'] = request.caller.workspace;
  if (request.contentType) headers['Content-Type'] = request.contentType;
  if (request.idempotencyKey !== undefined) {
    headers['Idempotency-Key'] = request.idempotencyKey.replace(/[^\x20-\x7e]/g, '?');
  }
  if (request.origin) headers.Origin = request.origin;
  const query = new URLSearchParams(request.query).toString();
  const hasBody = request.body !== undefined && !['GET', 'HEAD'].includes(request.method);
  const response = await fetch(`${ctx.sandbox.url}${request.path}${query ? `?${query}` : ''}`, {
    method: request.method,
    headers,
    body: hasBody ? JSON.stringify(request.body) : undefined,
    signal: AbortSignal.timeout(HANG_MS),
  });
  return { status: response.status, text: await response.text() };
}

describe('the sandbox under random requests', () => {
  it('never answers 500, never hangs, always the error envelope, never another workspace’s data', async () => {
    await fc.assert(
      fc.asyncProperty(requests, async (request) => {
        const { status, text } = await send(request);
        expect(status).not.toBe(500);
        expect(status).toBeLessThan(500);
        if (status >= 400 && request.method !== 'HEAD') {
          expect(ErrorEnvelope.safeParse(JSON.parse(text)).success).toBe(true);
        }
        if (status < 300) {
          const foreign = request.caller.workspace === 'ws_other' ? DEMO_ONLY : OTHER_ONLY;
          for (const mark of foreign) expect(text).not.toContain(mark);
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  }, 120_000);

  it('answers odd headers and huge or garbled bodies with a 4xx, never a 500, a hang or another workspace’s data', async () => {
    const header = fc.oneof(
      fc.constantFrom(
        `Authorization: Bearer ${DEMO_KEYS.otherAdmin}`,
        'Authorization: Bearer',
        'Authorization: Basic dXNlcjpwYXNz',
        'X-Workspace-ID: ws_other',
        'X-Workspace-ID: ws_demo, ws_other',
        'X-Workspace-ID:',
        'Content-Type: application/json',
        'Content-Type: application/json; charset=utf-16',
        'Content-Type: text/plain',
        'Transfer-Encoding: chunked',
        'Transfer-Encoding: gzip, chunked',
        'Content-Length: -1',
        'Content-Length: 1e3',
        'Content-Length: 99999999999999999999',
        `Content-Length: ${2 * 1024 * 1024}`,
        'Idempotency-Key: ',
        'Origin: null',
        'Origin: chrome-extension://abc',
        'Expect: 100-continue',
        'Host: evil.example',
        'Host: [::1]:99999',
        `X-Huge: ${'a'.repeat(20_000)}`,
      ),
      fc
        .tuple(
          fc.stringMatching(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,20}$/),
          fc.oneof(fc.stringMatching(/^[ -~]{0,40}$/), fc.string({ maxLength: 40 })),
        )
        .map(([name, value]) => `${name}: ${value.replace(/[\r\n]/g, ' ')}`),
    );
    const body = fc.oneof(
      fc.constant(''),
      fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes)),
      fc.jsonValue({ maxDepth: 3 }).map((value) => Buffer.from(JSON.stringify(value))),
      fc.constantFrom(
        Buffer.from('{"name": "Ada", "email": "ada@x.example"'),
        Buffer.from(`${'['.repeat(50_000)}${']'.repeat(50_000)}`),
        Buffer.from(`{"name":"${'x'.repeat(1024 * 1024)}"}`),
        Buffer.from('0\r\n\r\n'),
        Buffer.from('zz\r\n{}\r\n0\r\n\r\n'),
        Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
      ),
    );
    const request = fc.record({
      caller: callers,
      method: fc.constantFrom('GET', 'POST', 'PATCH', 'PUT'),
      path: fc.constantFrom(
        '/v1/contacts',
        '/v1/contacts/cnt_9001',
        '/v1/contacts/cnt_8821',
        '/v1/deals?contact_id=cnt_9001',
        '/v1/activities',
        '/v1/me',
        '/__sandbox/faults',
      ),
      headers: fc.array(header, { maxLength: 5 }),
      body,
      // How the body is framed: by its true length mostly; sometimes not at all (the bytes
      // become a second, garbled request), or announced longer than sent (a stalled body).
      framing: fc.oneof(
        { arbitrary: fc.constant('length' as const), weight: 16 },
        { arbitrary: fc.constant('none' as const), weight: 3 },
        { arbitrary: fc.constant('short' as const), weight: 1 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ caller, method, path, headers, body, framing }) => {
        const base = [
          'Host: 127.0.0.1',
          ...(caller.key ? [`Authorization: Bearer ${caller.key}`] : []),
          ...(caller.workspace ? [`X-Workspace-ID: ${caller.workspace}`] : []),
          'Connection: close',
        ];
        const stated = { length: body.length, short: body.length + 10, none: null }[framing];
        const length = stated === null ? [] : [`Content-Length: ${stated}`];
        const head = `${method} ${path} HTTP/1.1\r\n${[...base, ...length, ...headers].join('\r\n')}\r\n\r\n`;
        const reply = await rawExchange(ctx.sandbox.url, [head, body], { waitMs: HANG_MS });
        expect(reply.closed || reply.status !== null).toBe(true);
        if (reply.status !== null) expect(reply.status).toBeLessThan(500);
        // Only the caller's own workspace's records come back, whatever the headers claimed.
        if (reply.status !== null && reply.status < 300) {
          const foreign = caller.workspace === 'ws_other' ? DEMO_ONLY : OTHER_ONLY;
          for (const mark of foreign) expect(reply.text).not.toContain(mark);
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  }, 120_000);

  it('answers random bytes as a request with a 4xx or a closed connection, never a 500 or a hang', async () => {
    const lines = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
      fc
        .tuple(
          fc.constantFrom('GET', 'POST', 'G\0T', ''),
          fc.oneof(
            fc.string({ maxLength: 50 }),
            fc.constantFrom('http://a:99999/v1/me', '*', '//', 'http:///'),
          ),
          fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/9.9', ''),
        )
        .map(([method, target, version]) => `${method} ${target} ${version}`),
    );
    await fc.assert(
      fc.asyncProperty(lines, async (line) => {
        const reply = await rawExchange(
          ctx.sandbox.url,
          [`${line}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`],
          {
            waitMs: HANG_MS,
          },
        );
        expect(reply.closed).toBe(true);
        if (reply.status !== null) expect(reply.status).not.toBeGreaterThanOrEqual(500);
      }),
      { seed: SEED, numRuns: 150 },
    );
  }, 120_000);
});
