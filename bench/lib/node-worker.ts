/**
 * The worker's real modules (HTTP client, rate limiter, outbox, lookups) running in
 * Node: IndexedDB from fake-indexeddb, `browser` from WXT's fake browser (only the
 * privacy settings touch it). Wired as lib/worker/create-worker.ts wires them.
 */
import 'fake-indexeddb/auto';
import { fakeBrowser } from '@webext-core/fake-browser';
import { DEMO_KEYS } from '../../sandbox/seed';

// Before the dynamic imports below: wxt/utils/storage looks for an extension API on load.
Object.assign(globalThis, { chrome: fakeBrowser, browser: fakeBrowser });

export async function workerModules(baseUrl: string) {
  const [{ createHttp }, { createRateLimiter }, { createVivreClient }, { createDeliver }] =
    await Promise.all([
      import('../../lib/worker/vivre/http'),
      import('../../lib/worker/vivre/rate-limiter'),
      import('../../lib/worker/vivre/client'),
      import('../../lib/worker/vivre/deliver'),
    ]);
  const [
    { createOutbox },
    { createLookups },
    { openContactCache },
    { MAX_PARALLEL_REQUESTS },
    { DEFAULT_PRIVACY },
  ] = await Promise.all([
    import('../../lib/worker/outbox'),
    import('../../lib/worker/lookups/lookups'),
    import('../../lib/worker/lookups/cache'),
    import('../../lib/worker/create-worker'),
    import('../../lib/shared/settings'),
  ]);
  const credentials = { baseUrl, apiKey: DEMO_KEYS.write, workspaceId: 'ws_demo' };

  /** A fresh client with its own limiter, as a freshly started worker has. */
  function client() {
    const limiter = createRateLimiter({ maxParallel: MAX_PARALLEL_REQUESTS });
    return createVivreClient(createHttp({ getCredentials: async () => credentials, limiter }));
  }

  /** A new install's privacy settings: automatic lookups on, nobody skipped yet. */
  const defaultPrivacy = async () => DEFAULT_PRIVACY;

  return { client, createDeliver, createOutbox, createLookups, openContactCache, defaultPrivacy };
}

export interface RequestRecord {
  /** performance.now() when the answer arrived. */
  at: number;
  method: string;
  path: string;
  status: number;
}

/** Records every answer from `baseUrl` the modules get, by wrapping the global fetch. */
export function recordRequests(baseUrl: string) {
  const log: RequestRecord[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const response = await original(input, init);
    if (url.startsWith(baseUrl)) {
      const { pathname } = new URL(url);
      log.push({
        at: performance.now(),
        method: init?.method ?? 'GET',
        path: pathname,
        status: response.status,
      });
    }
    return response;
  };
  return {
    log,
    restore() {
      globalThis.fetch = original;
    },
  };
}
