import { describe, expect, it } from 'vitest';
import { RateLimiter } from '@/sandbox/rate-limit';
import { DEMO_KEYS, expectError, useSandbox } from './sandbox-client';

const ctx = useSandbox({ rateLimit: 3 });

describe('rate limits per key', () => {
  it('counts down on every answer, then answers 429 with Retry-After', async () => {
    const replies = [];
    for (let i = 0; i < 4; i++)
      replies.push(await ctx.api('GET', '/v1/me', { key: DEMO_KEYS.read }));
    expect(replies.map((reply) => reply.headers.get('x-ratelimit-limit'))).toEqual([
      '3',
      '3',
      '3',
      '3',
    ]);
    expect(replies.map((reply) => reply.headers.get('x-ratelimit-remaining'))).toEqual([
      '2',
      '1',
      '0',
      '0',
    ]);
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 429]);
    const limited = replies[3]!;
    expectError(limited, 429, 'rate_limit_error');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const reset = Number(limited.headers.get('x-ratelimit-reset'));
    expect(reset).toBeGreaterThan(Date.now() / 1000 - 1);
    expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 60);
  });

  it('limits each key separately and puts the headers on errors too', async () => {
    const other = await ctx.api('GET', '/v1/me', { key: DEMO_KEYS.write });
    expect(other.status).toBe(200);
    expect(other.headers.get('x-ratelimit-remaining')).toBe('2');
    const unknown = await ctx.api('GET', '/v1/me', { key: 'vv_test_unknown_key_000000000000' });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('x-ratelimit-limit')).toBe('3');
  });
});

describe('callers without a valid key', () => {
  it('share one limit per client however many made-up keys they send', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      const key = `vv_test_made_up_${i}_${process.pid}_000000000`;
      statuses.push((await ctx.api('GET', '/v1/me', { key })).status);
    }
    // The window is per client (all of these come from 127.0.0.1), not per made-up key.
    expect(statuses.slice(-2)).toEqual([429, 429]);
    expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
  });

  it('keeps a bounded number of windows, whatever arrives', () => {
    const limiter = new RateLimiter(2, { maxBuckets: 100 });
    const now = Date.parse('2026-06-01T08:00:00Z');
    for (let i = 0; i < 10_000; i++) limiter.take(`client-${i}`, now);
    expect(limiter.size).toBeLessThanOrEqual(101);
  });
});

describe('the rate-limit window', () => {
  it('opens again a minute after it started, and says when', () => {
    const limiter = new RateLimiter(2);
    const start = Date.parse('2026-06-01T08:00:00.250Z');
    expect(limiter.take('k', start).allowed).toBe(true);
    expect(limiter.take('k', start + 1_000).allowed).toBe(true);
    const limited = limiter.take('k', start + 59_000);
    expect(limited.allowed).toBe(false);
    expect(limited.headers['Retry-After']).toBe('1');
    expect(limited.headers['X-RateLimit-Reset']).toBe(String(Math.ceil((start + 60_000) / 1000)));
    const reopened = limiter.take('k', start + 60_000);
    expect(reopened.allowed).toBe(true);
    expect(reopened.headers['X-RateLimit-Remaining']).toBe('1');
  });
});
