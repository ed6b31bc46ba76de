import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRateLimiter, MAX_WAIT_MS, parseReset } from '@/lib/worker/vivre/rate-limiter';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.parse('2026-01-01T00:00:00Z'));
});
afterEach(() => vi.useRealTimers());

/** A limiter Vivre told that its window is spent, until it resets `seconds` from now. */
function spentFor(seconds: number) {
  const limiter = createRateLimiter();
  const reset = Math.floor(Date.now() / 1000) + seconds;
  limiter.observe(
    new Headers({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(reset) }),
  );
  return limiter;
}

describe('rate limiter', () => {
  it('caps requests in flight', async () => {
    const limiter = createRateLimiter({ maxParallel: 2 });
    let active = 0;
    let peak = 0;
    const gates = Array.from({ length: 5 }, deferred);
    const runs = gates.map((gate) =>
      limiter.run(async () => {
        active++;
        peak = Math.max(peak, active);
        await gate.promise;
        active--;
      }),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(active).toBe(2);
    gates.forEach((g) => g.resolve());
    await Promise.all(runs);
    expect(peak).toBe(2);
  });

  it('holds requests while the window is spent, until it resets', async () => {
    const limiter = spentFor(30);
    const task = vi.fn(async () => 'done');
    const run = limiter.run(task);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(task).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await run).toBe('done');
  });

  it('honours Retry-After', async () => {
    const limiter = createRateLimiter();
    limiter.backOff(5);
    const task = vi.fn(async () => 1);
    const run = limiter.run(task);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(task).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await run;
    expect(task).toHaveBeenCalledOnce();
  });

  it('does not send more parallel requests than the window has left', async () => {
    const limiter = createRateLimiter({ maxParallel: 4 });
    limiter.observe(new Headers({ 'X-RateLimit-Remaining': '1', 'X-RateLimit-Reset': '60' }));
    let started = 0;
    const gate = deferred();
    const runs = [1, 2, 3].map(() =>
      limiter.run(async () => {
        started++;
        await gate.promise;
      }),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toBe(1);
    gate.resolve();
    await vi.advanceTimersByTimeAsync(60_000);
    await Promise.all(runs);
    expect(started).toBe(3);
  });

  it('reads the reset as epoch seconds or seconds from now', () => {
    const now = Date.now();
    expect(parseReset('1767225660', now)).toBe(1767225660_000);
    expect(parseReset('30', now)).toBe(now + 30_000);
    expect(parseReset(null, now)).toBeNull();
  });
});

describe('rate limiter and clock skew', () => {
  it('does not hold a request for hours when the reset time is absurdly far away', async () => {
    const limiter = spentFor(86_400); // a day
    const task = vi.fn(async () => 'sent');
    const run = limiter.run(task);
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS);
    expect(await run).toBe('sent');
  });
});
