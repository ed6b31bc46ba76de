/**
 * The one place a request to Vivre is made: credentials and headers, the 20 s
 * timeout, the shared rate limiter, response validation and error mapping.
 */
import type { z } from 'zod';
import { VivreError } from './errors';
import { errorFromFailure, errorFromResponse, unexpectedAnswer } from './map-error';
import { Dropped, type RateLimiter, type RequestTicket } from './rate-limiter';

export const REQUEST_TIMEOUT_MS = 20_000;

export interface Credentials {
  baseUrl: string;
  apiKey: string;
  workspaceId: string;
}

export interface RequestOptions<S extends z.ZodTypeAny> {
  method: 'GET' | 'POST' | 'PATCH';
  /** Relative to the base URL, e.g. `/contacts/cnt_1`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Required on every write so a retry can never apply it twice. */
  idempotencyKey?: string;
  schema: S;
  signal?: AbortSignal;
  /** Its place in the scheduler's queue; by default a write's, or else the open thread's. */
  ticket?: RequestTicket;
}

export interface Http {
  request<S extends z.ZodTypeAny>(options: RequestOptions<S>): Promise<z.infer<S>>;
}

export interface HttpDeps {
  /** Read at every request, so a settings change applies without rebuilding anything. */
  getCredentials: () => Promise<Credentials>;
  limiter: RateLimiter;
  /** Told about every answer and failure; feeds the connection state the popup shows. */
  onOutcome?: (error: VivreError | null) => void;
}

function buildUrl(baseUrl: string, path: string, query: RequestOptions<z.ZodTypeAny>['query']) {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  return url;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function createHttp({ getCredentials, limiter, onOutcome }: HttpDeps): Http {
  async function attempt<S extends z.ZodTypeAny>(options: RequestOptions<S>): Promise<z.infer<S>> {
    const credentials = await getCredentials();
    const write = options.method !== 'GET';
    const controller = new AbortController();
    let timedOut = false;
    // setTimeout rather than AbortSignal.timeout(): same effect, and fake timers can drive it.
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, REQUEST_TIMEOUT_MS);
    const cancel = () => controller.abort();
    options.signal?.addEventListener('abort', cancel, { once: true });

    const headers: Record<string, string> = {
      Authorization: `Bearer ${credentials.apiKey}`,
      'X-Workspace-ID': credentials.workspaceId,
    };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;

    let response: Response;
    let body: unknown;
    try {
      // A caller that gave up while this waited for a slot (a closed outbox) sends nothing.
      if (options.signal?.aborted) throw new DOMException('The caller gave up.', 'AbortError');
      response = await fetch(buildUrl(credentials.baseUrl, options.path, options.query), {
        method: options.method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: controller.signal,
        // Never send or store cookies: the key is the only credential.
        credentials: 'omit',
        cache: 'no-store',
        // Never follow a redirect: it would carry the key and the write to wherever the
        // Location points. Browsers report it as a network failure, which it is to us.
        redirect: 'error',
      });
      // A connection dropped mid-body is as unknown as one dropped before the headers.
      body = await readJson(response);
    } catch (cause) {
      throw errorFromFailure(cause, { timedOut, write });
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', cancel);
    }

    limiter.observe(response.headers);
    if (!response.ok) {
      const error = errorFromResponse(response, body);
      if (error.retryAfter !== undefined && (response.status === 429 || response.status === 503)) {
        limiter.backOff(error.retryAfter);
      }
      throw error;
    }
    const parsed = options.schema.safeParse(body);
    if (!parsed.success) throw unexpectedAnswer(response.status);
    return parsed.data as z.infer<S>;
  }

  return {
    async request(options) {
      try {
        const ticket = options.ticket ?? {
          priority: options.method === 'GET' ? 'open' : 'write',
        };
        const result = await limiter.run(() => attempt(options), ticket);
        onOutcome?.(null);
        return result;
      } catch (error) {
        // Never sent: it says nothing about the connection.
        if (error instanceof Dropped) throw error;
        const mapped =
          error instanceof VivreError
            ? error
            : errorFromFailure(error, { timedOut: false, write: options.method !== 'GET' });
        onOutcome?.(mapped);
        throw mapped;
      }
    },
  };
}
