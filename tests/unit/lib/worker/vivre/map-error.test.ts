import { describe, expect, it } from 'vitest';
import { errorFromFailure, errorFromResponse, parseRetryAfter } from '@/lib/worker/vivre/map-error';
import { decideOnFailure } from '@/lib/worker/outbox/failure-policy';
import { json } from './fake-vivre';

const envelope = (type: string, message: string, extra: Record<string, string> = {}) => ({
  error: { type, message, request_id: 'req_1', ...extra },
});

describe('errorFromResponse', () => {
  it.each([
    [400, 'validation'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [409, 'conflict'],
    [413, 'validation'],
    [415, 'validation'],
    [422, 'validation'],
    [429, 'rate_limited'],
    [500, 'server'],
    [502, 'server'],
    [503, 'server'],
    [504, 'server'],
    [418, 'unknown'],
  ] as const)('maps %i to %s', (status, kind) => {
    const error = errorFromResponse(json(status, envelope('x', 'nope')), envelope('x', 'nope'));
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.message.length).toBeGreaterThan(10);
  });

  it('tells the rep how to fix a rejected key', () => {
    expect(errorFromResponse(json(401, undefined), undefined).message).toBe(
      "Vivre didn't accept your API key. Open Vivre settings and reconnect.",
    );
  });

  it('keeps the blamed field and the server reason on validation errors', () => {
    const body = envelope('validation_error', 'email must be an email', { param: 'email' });
    const error = errorFromResponse(json(400, body), body);
    expect(error.param).toBe('email');
    expect(error.message).toContain('email must be an email');
    expect(error.toRepError()).toEqual({
      kind: 'validation',
      message: error.message,
      param: 'email',
    });
  });

  it('reads the existing contact from a duplicate-email 409', () => {
    const body = envelope('conflict', 'duplicate', { existing_id: 'cnt_1' });
    expect(errorFromResponse(json(409, body), body).existingId).toBe('cnt_1');
  });

  it('reads Retry-After on 429 and 503', () => {
    expect(
      errorFromResponse(json(429, undefined, { 'Retry-After': '7' }), undefined).retryAfter,
    ).toBe(7);
    expect(
      errorFromResponse(json(503, undefined, { 'Retry-After': '3' }), undefined).retryAfter,
    ).toBe(3);
  });

  it('survives a body that is not the error envelope', () => {
    const error = errorFromResponse(json(500, '<html>'), '<html>');
    expect(error.kind).toBe('server');
  });
});

describe('parseRetryAfter', () => {
  it('accepts seconds and HTTP dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('12', now)).toBe(12);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('errorFromFailure', () => {
  it('marks a timed-out write as outcome unknown, to be retried with the same key', () => {
    const error = errorFromFailure(new DOMException('x', 'AbortError'), {
      timedOut: true,
      write: true,
    });
    expect(error).toMatchObject({ kind: 'unknown', outcomeUnknown: true });
    // …which the outbox tries again, rather than asking the rep.
    const write = { kind: 'logActivity', body: { contact_id: 'cnt_1', type: 'note' } } as const;
    const backoff = { baseDelayMs: 1000, maxDelayMs: 300_000, random: () => 0.5 };
    expect(decideOnFailure(error, write, 1, 0, backoff).type).toBe('retry');
  });

  it('treats a network failure as offline', () => {
    const error = errorFromFailure(new TypeError('Failed to fetch'), {
      timedOut: false,
      write: true,
    });
    expect(error).toMatchObject({ kind: 'offline', outcomeUnknown: true });
    expect(
      errorFromFailure(new TypeError('x'), { timedOut: false, write: false }).outcomeUnknown,
    ).toBe(false);
  });
});
