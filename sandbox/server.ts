/**
 * `startSandbox()`: the local Vivre API on plain node:http, used by `npm run
 * sandbox`, the contract tests and the extension's integration tests.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appPage } from './app-page';
import { NO_FAULTS, type Faults } from './faults';
import { readRawBody, send, CORS_HEADERS } from './http';
import { IdempotencyLedger } from './idempotency';
import { runPipeline, toErrorResponse, type PipelineDeps } from './pipeline';
import { RateLimiter } from './rate-limit';
import { apiRoutes } from './routes';
import { sandboxAdminRoutes } from './routes/sandbox-admin';
import { Store } from './store';
import { WebhookDispatcher, type DeliveryOptions } from './webhooks';

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
}

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
  let faults: Faults = { ...NO_FAULTS, ...options.faults };
  const setFaults = (next: Partial<Faults>) => {
    faults = { ...faults, ...next };
  };
  const dispatcher = new WebhookDispatcher(store, { ...options.webhooks, log });
  const deps: PipelineDeps = {
    store,
    limiter: new RateLimiter(options.rateLimit ?? 120),
    ledger: new IdempotencyLedger(),
    faults: () => faults,
    setFaults,
    publish: (workspaceId, type, data) => dispatcher.publish(workspaceId, type, data),
    random: options.random ?? Math.random,
    now: Date.now,
    log,
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = newRequestId();
    res.setHeader('X-Request-ID', requestId);
    try {
      const raw = await readRawBody(req);
      if (req.method === 'OPTIONS') {
        res.writeHead(204, CORS_HEADERS).end();
        return;
      }
      const url = new URL(req.url ?? '/', 'http://sandbox.local');
      // The web app's contact page, where "Open in Vivre" links lead (sandbox/app-page.ts).
      const appAnswer = appPage(store, req.method ?? 'GET', url.pathname);
      if (appAnswer) {
        res.writeHead(appAnswer.status, appAnswer.headers);
        res.end(req.method === 'HEAD' ? undefined : appAnswer.html);
        return;
      }
      const admin = url.pathname.startsWith('/__sandbox/');
      const routes = admin ? sandboxAdminRoutes : apiRoutes;
      const outcome = await runPipeline(req, url, raw, routes, deps, requestId, {
        guarded: !admin,
      });
      if (outcome.drop) {
        await store.flush();
        res.socket?.destroy();
        return;
      }
      send(res, outcome.response);
    } catch (error) {
      send(res, toErrorResponse(error, requestId, log));
    }
  }

  const server = createServer((req, res) => void handle(req, res));
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
