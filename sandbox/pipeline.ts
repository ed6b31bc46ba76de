/**
 * One request through the API, in the order the contract needs: rate limit → route → auth →
 * permission → the workspace's faults (latency, injected error) → body → idempotency →
 * handler → webhooks. The caller's Origin and Host come first, checked by the server for
 * every path (sandbox/server.ts). The body is read only once the caller is known and
 * allowed: nobody unauthenticated makes the sandbox read a byte of it. Every failure becomes the error envelope; anything unexpected is a
 * bare 500 with no stack trace.
 */
import type { IncomingMessage } from 'node:http';
import { ApiError, errorBody } from './api-error';
import { authenticate, bearerToken, requirePermission } from './auth';
import { injectedError, sleep, type FaultBook } from './faults';
import { parseJsonBody, type ApiResponse, type RawBody } from './http';
import { fingerprint, readIdempotencyKey, type IdempotencyLedger } from './idempotency';
import type { RateLimiter } from './rate-limit';
import type { Route, RouteContext } from './routes/route';
import type { Store } from './store';
import type { WebhookReach } from './webhook-targets';
import type { EventType } from './types';

export interface PipelineDeps {
  store: Store;
  limiter: RateLimiter;
  /** null: `--no-idempotency`, the header is ignored like any unknown one. */
  ledger: IdempotencyLedger | null;
  faults: FaultBook;
  /** Where webhooks may point (checked when one is registered). */
  webhookReach: WebhookReach;
  publish: (workspaceId: string, type: EventType, data: unknown) => void;
  random: () => number;
  now: () => number;
  log: (message: string) => void;
}

export interface Outcome {
  response: ApiResponse;
  /** Commit-then-drop fault: the caller destroys the socket instead of answering. */
  drop: boolean;
}

const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const HAS_BODY = new Set(['POST', 'PATCH', 'PUT']);

export function toErrorResponse(
  error: unknown,
  requestId: string,
  log: (m: string) => void,
): ApiResponse {
  if (error instanceof ApiError) {
    return {
      status: error.status,
      body: errorBody(error, requestId),
      headers: error.extra.headers,
    };
  }
  log(`Unexpected error in request ${requestId}: ${String(error)}`);
  const internal = new ApiError(500, 'server_error', 'The sandbox failed unexpectedly.');
  return { status: 500, body: errorBody(internal, requestId) };
}

/** A malformed escape is just an id that does not exist, not a crash. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

interface Match {
  route?: Route;
  params: string[];
  pathKnown: boolean;
}

function matchRoute(routes: Route[], method: string, path: string): Match {
  let pathKnown = false;
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    pathKnown = true;
    if (route.method === method) {
      return { route, params: match.slice(1).map(safeDecode), pathKnown };
    }
  }
  return { params: [], pathKnown };
}

/** A valid key's own window; every request without one shares its client's window. */
function rateBucket(req: IncomingMessage, store: Store): string {
  const token = bearerToken(req);
  const key = token === null ? undefined : store.findKey(token);
  return key ? `key:${key.key}` : `ip:${req.socket.remoteAddress ?? 'unknown'}`;
}

export async function runPipeline(
  req: IncomingMessage,
  url: URL,
  readBody: () => Promise<RawBody>,
  routes: Route[],
  deps: PipelineDeps,
  requestId: string,
  options: { guarded: boolean },
): Promise<Outcome> {
  const method = req.method ?? 'GET';
  let rateHeaders: Record<string, string> = {};
  const withRate = (response: ApiResponse): ApiResponse => ({
    ...response,
    headers: { ...rateHeaders, ...response.headers },
  });
  try {
    if (options.guarded) {
      const rate = deps.limiter.take(rateBucket(req, deps.store));
      rateHeaders = rate.headers;
      if (!rate.allowed) {
        throw new ApiError(
          429,
          'rate_limit_error',
          `Too many requests; retry in ${rate.headers['Retry-After']} s.`,
        );
      }
    }
    const found = matchRoute(routes, method, url.pathname);
    const caller = authenticate(req, deps.store, {
      workspaceOptional: found.route?.workspaceOptional ?? false,
    });
    const route = found.route;
    if (!route) {
      if (found.pathKnown) {
        throw new ApiError(405, 'invalid_request', `${method} is not allowed here.`);
      }
      throw new ApiError(404, 'not_found', `No endpoint ${method} ${url.pathname}.`);
    }
    requirePermission(caller, route.permission);
    const workspaceId = caller.workspace.id;
    const faults = options.guarded ? deps.faults.for(workspaceId) : deps.faults.for(null);
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    const fault = injectedError(faults, deps.random);
    if (fault) throw fault;
    const body = HAS_BODY.has(method) ? await parseJsonBody(req, readBody) : {};
    const ledger = WRITES.has(method) ? deps.ledger : null;
    const idempotencyKey = ledger ? readIdempotencyKey(req.headers['idempotency-key']) : null;

    const pending: Array<[EventType, unknown]> = [];
    const ctx: RouteContext = {
      req,
      params: found.params,
      query: url.searchParams,
      body,
      caller,
      ws: caller.workspace,
      store: deps.store,
      now: deps.now,
      emit: (type, data) => pending.push([type, structuredClone(data)]),
      setFaults: (next) => deps.faults.setFor(workspaceId, next),
      faults: () => deps.faults.for(workspaceId),
      webhookReach: deps.webhookReach,
    };
    const execute = async (): Promise<ApiResponse> => {
      try {
        const response = await route.handle(ctx);
        if (WRITES.has(method)) deps.store.changed();
        for (const [type, data] of pending.splice(0)) deps.publish(caller.workspace.id, type, data);
        return response;
      } catch (error) {
        pending.length = 0;
        return toErrorResponse(error, requestId, deps.log);
      }
    };
    const response =
      ledger && idempotencyKey
        ? await ledger.run(
            caller.workspace,
            idempotencyKey,
            fingerprint(method, url.pathname, body),
            deps.now(),
            execute,
          )
        : await execute();
    if (idempotencyKey) deps.store.changed();
    const drop = WRITES.has(method) && faults.dropRate > 0 && deps.random() < faults.dropRate;
    return { response: withRate(response), drop };
  } catch (error) {
    return { response: withRate(toErrorResponse(error, requestId, deps.log)), drop: false };
  }
}
