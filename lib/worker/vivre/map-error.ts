/**
 * Turns whatever went wrong on the way to Vivre into one `VivreError` whose message
 * a rep can act on. The outbox retries or parks an item from `kind` alone, so the
 * status → kind table here decides what "waiting to sync" and "needs attention" mean.
 */
import { ErrorEnvelope } from '../../shared/vivre/contract';
import { VivreError, type VivreErrorInit } from './errors';
import { MAX_RETRY_AFTER_SECONDS } from '../outbox/limits';

const AUTH_MESSAGE = "Vivre didn't accept your API key. Open Vivre settings and reconnect.";

/**
 * Seconds from a `Retry-After` header (delta-seconds or an HTTP date), clamped to an hour:
 * a server asking for ten years would otherwise hold every write ten years.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const clamp = (seconds: number) => Math.min(Math.max(0, seconds), MAX_RETRY_AFTER_SECONDS);
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return clamp(seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : clamp(Math.ceil((date - now) / 1000));
}

function readEnvelope(body: unknown): ErrorEnvelope['error'] | undefined {
  const parsed = ErrorEnvelope.safeParse(body);
  return parsed.success ? parsed.data.error : undefined;
}

/** A non-2xx answer. `body` is the parsed JSON, or undefined when there was none. */
export function errorFromResponse(response: Response, body: unknown): VivreError {
  const { status } = response;
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  return new VivreError({ status, ...describeStatus(status, readEnvelope(body), retryAfter) });
}

/** The status → kind table, with what a rep is told for each. */
function describeStatus(
  status: number,
  detail: ErrorEnvelope['error'] | undefined,
  retryAfter: number | undefined,
): Omit<VivreErrorInit, 'status'> {
  const param = detail?.param;
  const reason = detail?.message ? ` Vivre said: ${detail.message}` : '';

  if (status === 401) return { kind: 'unauthorized', message: AUTH_MESSAGE };
  if (status === 403) {
    return {
      kind: 'forbidden',
      message:
        "Your Vivre API key isn't allowed to do this. Ask your Vivre admin for a key with write access.",
    };
  }
  if (status === 404) {
    return {
      kind: 'not_found',
      param,
      message: "Vivre couldn't find this record — it may have been deleted.",
    };
  }
  if (status === 409) {
    const existingId = detail?.existing_id;
    return {
      kind: 'conflict',
      param,
      existingId,
      message: existingId
        ? 'A contact with this email is already in Vivre.'
        : `Vivre refused this because it conflicts with existing data.${reason}`,
    };
  }
  if (status === 400 || status === 413 || status === 415 || status === 422) {
    return {
      kind: 'validation',
      param,
      message: `Vivre couldn't accept this${param ? ` (check “${param}”)` : ''}.${reason}`,
    };
  }
  if (status === 429) {
    return {
      kind: 'rate_limited',
      retryAfter,
      message: 'Vivre asked us to slow down. We’ll try again in a moment.',
    };
  }
  if (status >= 500) {
    return {
      kind: 'server',
      retryAfter,
      message: 'Vivre is having trouble right now. We’ll keep trying.',
    };
  }
  return {
    kind: 'unknown',
    message: `Vivre answered with an unexpected error (${status}). Try again later.`,
  };
}

/**
 * A request that never got an answer. For a write the server may still have
 * committed it, so it is "outcome unknown" and must be retried with the same key.
 */
export function errorFromFailure(
  cause: unknown,
  opts: { timedOut: boolean; write: boolean },
): VivreError {
  if (cause instanceof VivreError) return cause;
  const unanswered = (kind: 'unknown' | 'offline', message: string) =>
    new VivreError({ kind, outcomeUnknown: opts.write, message });
  if (opts.timedOut) return unanswered('unknown', "Vivre didn't answer in time. We’ll try again.");
  if (cause instanceof DOMException && cause.name === 'AbortError') {
    return unanswered('unknown', 'The request to Vivre was cancelled. We’ll try again.');
  }
  return unanswered(
    'offline',
    "Can't reach Vivre — check your internet connection. We’ll keep trying.",
  );
}

/** A 2xx whose body does not match the contract: our code and the API disagree. */
export function unexpectedAnswer(status: number): VivreError {
  return new VivreError({
    kind: 'unknown',
    status,
    message:
      'Vivre answered in a way this extension doesn’t understand. Try updating the extension.',
  });
}
