/**
 * `startSandbox()`: the local Vivre API on plain node:http, used by `npm run
 * sandbox`, the contract tests and the extension's integration tests.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ApiError, errorBody } from './api-error';
import { appPage } from './app-page';
import { AppSessions } from './app-session';
import { FaultBook, type Faults } from './faults';
import { checkCaller, hasBody, readRawBody, requestUrl, send, sendText } from './http';
import { IdempotencyLedger } from './idempotency';
import { runPipeline, toErrorResponse, type PipelineDeps } from './pipeline';
import { RateLimiter } from './rate-limit';
import { apiRoutes } from './routes';
import { sandboxAdminRoutes } from './routes/sandbox-admin';
import { Store } from './store';
import { WebhookDispatcher, type DeliveryOptions } from './webhooks';
import type { WebhookReach } from './webhook-targets';

export type { Faults } from './faults';

export interface SandboxOptions {
  /** 0 picks a free port. Default 8787. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Keep nothing on disk. */
  memory?: boolean;
  /** Default `.sandbox-data` under the working directory. */
  dataDir?: string;
  /** Throw away stored data and start from the seed. */
  reset?: boolean;
  /** Requests per minute per key. Default 120. */
  rateLimit?: number;
  faults?: Partial<Faults>;
  quiet?: boolean;
  /** Webhook delivery timing; tests shorten it. */
  webhooks?: Partial<DeliveryOptions>;
  /** Deterministic faults in tests. Default Math.random. */
  random?: () => number;
  /** false: `--no-idempotency`, Idempotency-Key is ignored (the reference never mentions it). */
  idempotency?: boolean;
  /** Where webhooks may be delivered: 'loopback' (default) or 'anywhere' (never link-local). */
  webhookReach?: WebhookReach;
  /** Slow clients: how long headers, a whole request and an idle keep-alive may take. */
  timeouts?: Partial<Timeouts>;
  /** Connections open at once; more are closed on arrival. Default 256. */
  maxConnections?: number;
}

export interface Timeouts {
  headersMs: number;
  requestMs: number;
  keepAliveMs: number;
  /** How often Node looks for connections past those limits. */
  checkEveryMs: number;
}

const DEFAULT_TIMEOUTS: Timeouts = {
  headersMs: 10_000,
  requestMs: 30_000,
  keepAliveMs: 5_000,
  checkEveryMs: 1_000,
};

export interface Sandbox {
  url: string;
  baseUrl: string;
  port: number;
  close(): Promise<void>;
  setFaults(faults: Partial<Faults>): void;
}

const newRequestId = () => `req_${randomBytes(8).toString('hex')}`;

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const log = options.quiet
    ? () => undefined
    : (message: string) => console.error(`[sandbox] ${message}`);
  const store = await Store.open({ ...options, log });
  const faults = new FaultBook(options.faults);
  const setFaults = (next: Partial<Faults>) => faults.setAll(next);
  const reach = options.webhookReach ?? 'loopback';
  const dispatcher = new WebhookDispatcher(store, { ...options.webhooks, log, reach });
  const sessions = new AppSessions();
  const deps: PipelineDeps = {
    store,
    limiter: new RateLimiter(options.rateLimit ?? 120),
    ledger: options.idempotency === false ? null : new IdempotencyLedger(),
    faults,
    webhookReach: reach,
    publish: (workspaceId, type, data) => dispatcher.publish(workspaceId, type, data),
    random: options.random ?? Math.random,
    now: Date.now,
    log,
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = newRequestId();
    res.setHeader('X-Request-ID', requestId);
    let bodyRead = false;
    const readBody = (limit?: number) => {
      bodyRead = true;
      return readRawBody(req, limit);
    };
    // An answer given before the body was read to its end (refused unread, or cut off at its
    // limit) closes the connection: keeping it would mean waiting for the rest of the body.
    const bodyLeft = () => hasBody(req) && (!bodyRead || !req.complete);
    try {
      const url = requestUrl(req);
      // Every path, the app's page included: no web page and no rebinding Host gets past here.
      checkCaller(req);
      // The web app's contact page, where "Open in Vivre" links lead, and its sign-in
      // (sandbox/app-page.ts).
      const appAnswer = await appPage(req, url.pathname, { store, sessions, readBody });
      if (appAnswer) {
        sendText(res, appAnswer.status, appAnswer.headers, appAnswer.html, bodyLeft());
        return;
      }
      const admin = url.pathname.startsWith('/__sandbox/');
      const routes = admin ? sandboxAdminRoutes : apiRoutes;
      const outcome = await runPipeline(req, url, readBody, routes, deps, requestId, {
        guarded: !admin,
      });
      if (outcome.drop) {
        await store.flush();
        res.socket?.destroy();
        return;
      }
      send(res, outcome.response, bodyLeft());
    } catch (error) {
      send(res, toErrorResponse(error, requestId, log), bodyLeft());
    }
  }

  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const server = createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      connectionsCheckingInterval: timeouts.checkEveryMs,
      maxHeaderSize: 16 * 1024,
    },
    (req, res) => void handle(req, res),
  );
  server.maxConnections = options.maxConnections ?? 256;
  server.maxHeadersCount = 100;
  // A request Node's parser refuses (a broken request line, bad headers) gets the error
  // envelope too, not a bare socket reset, and never reaches a handler.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return void socket.destroy();
    const timedOut = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    const status = timedOut ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const refusal = new ApiError(400, 'invalid_request', 'The request could not be read.');
    const text = JSON.stringify(errorBody(refusal, newRequestId()));
    socket.end(
      `HTTP/1.1 ${status} ${timedOut ? 'Request Timeout' : 'Bad Request'}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\n` +
        `Connection: close\r\n\r\n${text}`,
    );
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => resolve());
  });
  dispatcher.resume();
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url,
    baseUrl: `${url}/v1`,
    port,
    setFaults,
    async close() {
      dispatcher.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.flush();
    },
  };
}
