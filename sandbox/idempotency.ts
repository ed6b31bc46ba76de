/**
 * `Idempotency-Key` on POST/PATCH: the first answer is stored per workspace and
 * key for 24 h and replayed for the same request; a different request under the
 * same key is a 422. Concurrent twins wait for the first, so they never both create.
 */
import { createHash } from 'node:crypto';
import { ApiError } from './api-error';
import type { ApiResponse } from './http';
import type { WorkspaceData } from './types';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** Key order in the JSON must not matter: the same object is the same request. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
    return Object.fromEntries(entries.map(([key, inner]) => [key, canonical(inner)]));
  }
  return value;
}

export function fingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${JSON.stringify(canonical(body))}`)
    .digest('hex');
}

export function readIdempotencyKey(header: string | string[] | undefined): string | null {
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined) return null;
  if (key.length < 1 || key.length > 255) {
    throw new ApiError(400, 'invalid_request', 'Idempotency-Key must be 1 to 255 characters.', {
      param: 'Idempotency-Key',
    });
  }
  return key;
}

export class IdempotencyLedger {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  async run(
    ws: WorkspaceData,
    key: string,
    print: string,
    now: number,
    execute: () => Promise<ApiResponse>,
  ): Promise<ApiResponse> {
    const slot = `${ws.id}\n${key}`;
    for (let pending = this.inFlight.get(slot); pending; pending = this.inFlight.get(slot)) {
      await pending.catch(() => undefined);
    }
    // Prefixed so a key like "__proto__" is stored like any other.
    const slotKey = `key:${key}`;
    const record = Object.hasOwn(ws.idempotency, slotKey) ? ws.idempotency[slotKey] : undefined;
    if (record && now - record.created_at < IDEMPOTENCY_TTL_MS) {
      if (record.fingerprint !== print) {
        throw new ApiError(
          422,
          'idempotency_error',
          'This Idempotency-Key was already used for a different request.',
          { param: 'Idempotency-Key' },
        );
      }
      return {
        status: record.status,
        body: record.body,
        headers: { 'Idempotent-Replayed': 'true' },
      };
    }
    const run = execute();
    this.inFlight.set(slot, run);
    try {
      const response = await run;
      // Server errors are not stored: the request did nothing, so a retry must run for real.
      if (response.status < 500) {
        ws.idempotency[slotKey] = {
          fingerprint: print,
          status: response.status,
          // A snapshot: the live resource may change later, the replay must not.
          body: structuredClone(response.body),
          created_at: now,
        };
      }
      return response;
    } finally {
      this.inFlight.delete(slot);
      prune(ws, now);
    }
  }
}

function prune(ws: WorkspaceData, now: number): void {
  for (const [key, record] of Object.entries(ws.idempotency)) {
    if (now - record.created_at >= IDEMPOTENCY_TTL_MS) delete ws.idempotency[key];
  }
}
