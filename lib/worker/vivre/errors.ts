/**
 * Every failure talking to Vivre becomes one `VivreError` with a `kind` the code
 * branches on and a `message` a rep can read. The outbox decides retry vs.
 * "needs attention" from `kind` alone (lib/worker/outbox/failure-policy.ts), so the mapping in
 * map-error.ts is the single source of truth.
 */
import type { ErrorKind, RepError } from '../../shared/messaging/protocol';

export interface VivreErrorInit {
  kind: ErrorKind;
  message: string;
  status?: number | null;
  param?: string;
  retryAfter?: number;
  existingId?: string;
  outcomeUnknown?: boolean;
}

export class VivreError extends Error {
  readonly kind: ErrorKind;
  readonly status: number | null;
  readonly param?: string;
  /** Seconds the server asked us to wait (429/503 `Retry-After`). */
  readonly retryAfter?: number;
  /** On 409 for a duplicate email: the contact that already has it. */
  readonly existingId?: string;
  /** True when a write may or may not have reached the server (timeout, dropped connection). */
  readonly outcomeUnknown: boolean;

  constructor(init: VivreErrorInit) {
    super(init.message);
    this.name = 'VivreError';
    this.kind = init.kind;
    this.status = init.status ?? null;
    this.param = init.param;
    this.retryAfter = init.retryAfter;
    this.existingId = init.existingId;
    this.outcomeUnknown = init.outcomeUnknown ?? false;
  }

  toRepError(): RepError {
    return { kind: this.kind, message: this.message, ...(this.param ? { param: this.param } : {}) };
  }
}

/**
 * A write made for one connection (base URL, workspace, key) when that connection cannot
 * be used: the settings now point elsewhere and the rep has not entered that key again.
 * Thrown before anything is sent, so the write's outcome is known: not sent.
 */
export class WrongConnectionError extends Error {
  override name = 'WrongConnectionError';
}
