/**
 * What a failed delivery means for the item and for the outbox. Only `VivreError.kind`
 * decides; the Vivre room (lib/worker/vivre/map-error.ts) owns the mapping from HTTP to kinds.
 */
import type { WriteRequest } from '../../shared/messaging/protocol';
import { VivreError } from '../vivre/errors';
import { MAX_RETRY_AFTER_SECONDS, OFFLINE_PROBE_MS } from './limits';

export type FailureAction =
  /** Try this item again at `at`. `holdAll`: the failure is not about this item, so nothing else goes before `at` either. */
  | { type: 'retry'; at: number; holdAll: boolean }
  /** The key is refused (or missing): stop everything, keep every item, until the settings change. */
  | { type: 'pause' }
  /** The server refused this write as it is: only the rep can fix it. */
  | { type: 'attention' }
  /** The contact already exists in Vivre: carry on as if we had created it. */
  | { type: 'existing'; id: string };

export interface BackoffConfig {
  baseDelayMs: number;
  maxDelayMs: number;
  random: () => number;
}

/**
 * "Full jitter": a uniform delay in [0, min(cap, base·2^(attempt-1))). Spreading retries
 * over the whole window avoids every tab's writes hitting a recovering server in step.
 */
export function backoffDelay(attempts: number, config: BackoffConfig): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  const ceiling = Math.min(config.maxDelayMs, config.baseDelayMs * 2 ** exponent);
  return Math.floor(config.random() * ceiling);
}

export function asVivreError(error: unknown): VivreError {
  if (error instanceof VivreError) return error;
  // A bug or an unexpected answer: the write may have gone through, so retry with the same key.
  return new VivreError({
    kind: 'unknown',
    message: 'Something unexpected happened while syncing. It will be tried again.',
    outcomeUnknown: true,
  });
}

/**
 * Whether a failed attempt may have reached Vivre anyway: no answer at all (timeout,
 * dropped connection, a bug), or a gateway's 502/504, which a proxy sends while the
 * server behind it may have committed. Any other answer means the write was not done.
 */
export function mayHaveCommitted(error: VivreError): boolean {
  // The browser knows it has no network: the request never left (a laptop with its lid
  // shut must not turn every queued write into "check Vivre").
  if (error.kind === 'offline' && globalThis.navigator?.onLine === false) return false;
  return error.outcomeUnknown || error.status === 502 || error.status === 504;
}

export function decideOnFailure(
  error: VivreError,
  write: WriteRequest,
  attempts: number,
  now: number,
  config: BackoffConfig,
): FailureAction {
  const backoff = () => now + backoffDelay(attempts, config);
  // Retry-After is a floor; a little jitter on top keeps a burst of clients from returning together.
  // Clamped: a server asking for ten years (or a garbled header) must not hold writes for ten years.
  const serverAskedWait = (seconds: number) =>
    now +
    Math.min(Math.max(seconds, 0), MAX_RETRY_AFTER_SECONDS) * 1000 +
    Math.floor(config.random() * config.baseDelayMs);

  switch (error.kind) {
    case 'unauthorized':
    case 'not_configured':
      return { type: 'pause' };
    case 'offline':
      // The network is down for every item alike: don't spend a request per item finding out.
      // Looked at again within OFFLINE_PROBE_MS whatever backoff built up, so a worker asleep
      // through the network's return (no online event reaches it) starts within a minute.
      return {
        type: 'retry',
        at: now + Math.min(backoffDelay(attempts, config), OFFLINE_PROBE_MS),
        holdAll: true,
      };
    case 'rate_limited':
      // The limit is per key, so it holds for every item.
      return {
        type: 'retry',
        at: error.retryAfter !== undefined ? serverAskedWait(error.retryAfter) : backoff(),
        holdAll: true,
      };
    case 'server':
      // A 503 with Retry-After speaks for the whole server; a bare 5xx may be about this payload.
      return error.retryAfter !== undefined
        ? { type: 'retry', at: serverAskedWait(error.retryAfter), holdAll: true }
        : { type: 'retry', at: backoff(), holdAll: false };
    case 'unknown':
      return { type: 'retry', at: backoff(), holdAll: false };
    case 'conflict':
      // Creating a contact whose email is already in Vivre: the rep wanted this person in
      // Vivre and they are, so map the temporary id to the existing contact and let the
      // deals and activities that refer to it go through. The fields of our create are
      // not applied to the existing contact (we never overwrite a colleague's data).
      // This is also what a replay looks like once the server forgot the idempotency key.
      // Contacts only, on purpose: `existingId` is Vivre's answer to a duplicate email, and
      // only creating a contact can mean "this person is already there"; any other write
      // that conflicts has not been done, so the rep must see it.
      if (write.kind === 'createContact' && error.existingId) {
        return { type: 'existing', id: error.existingId };
      }
      return { type: 'attention' };
    case 'validation':
    case 'forbidden':
    case 'not_found':
      return { type: 'attention' };
  }
}
