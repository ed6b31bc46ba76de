/**
 * The worker's one request scheduler (rate-limiter.ts) under list traffic: a page of inbox rows
 * queues dozens of lookups, and the rep must still be served first.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createRateLimiter,
  LIST_RESERVE,
  type RequestPriority,
  type RequestTicket,
} from '@/lib/worker/vivre/rate-limiter';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.parse('2026-01-01T00:00:00Z'));
});
afterEach(() => vi.useRealTimers());

/** A request that runs until `finish()`, recording when it started. */
function gatedTask(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    run: async () => {
      log.push(name);
      await done;
    },
    finish: () => finish(),
  };
}

function queueMany(
  limiter: ReturnType<typeof createRateLimiter>,
  log: string[],
  priority: RequestPriority,
  count: number,
) {
  return Array.from({ length: count }, (_, i) => {
    const task = gatedTask(log, `${priority}${i}`);
    const ticket: RequestTicket = { priority };
    return { ...task, ticket, result: limiter.run(task.run, ticket) };
  });
}

describe('request scheduler', () => {
  it('keeps one parallel slot free of list lookups, so a write starts at once', async () => {
    const limiter = createRateLimiter({ maxParallel: 4 });
    const log: string[] = [];
    const rows = queueMany(limiter, log, 'rowOutOfView', 50);
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toEqual(['rowOutOfView0', 'rowOutOfView1', 'rowOutOfView2']);

    const write = gatedTask(log, 'write');
    void limiter.run(write.run, { priority: 'write' });
    await vi.advanceTimersByTimeAsync(0);
    expect(log.at(-1)).toBe('write');
    rows.forEach((row) => row.finish());
    write.finish();
  });

  it('serves waiting requests in priority order: writes, open thread, visible rows, the rest', async () => {
    const limiter = createRateLimiter({ maxParallel: 1 });
    const log: string[] = [];
    const blocker = gatedTask(log, 'blocker');
    void limiter.run(blocker.run, { priority: 'write' });
    const waiting = [
      ...queueMany(limiter, log, 'rowOutOfView', 1),
      ...queueMany(limiter, log, 'visibleRow', 1),
      ...queueMany(limiter, log, 'open', 1),
      ...queueMany(limiter, log, 'write', 1),
    ];
    blocker.finish();
    for (let step = 0; step < waiting.length; step++) {
      await vi.advanceTimersByTimeAsync(0);
      waiting.forEach((t) => t.finish());
    }
    await Promise.all(waiting.map((t) => t.result));
    expect(log).toEqual(['blocker', 'write0', 'open0', 'visibleRow0', 'rowOutOfView0']);
  });

  it('moves a waiting lookup ahead when its ticket is raised (a row scrolled into view)', async () => {
    const limiter = createRateLimiter({ maxParallel: 2 });
    const log: string[] = [];
    const rows = queueMany(limiter, log, 'rowOutOfView', 10);
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toEqual(['rowOutOfView0']);

    rows[7]!.ticket.priority = 'visibleRow';
    limiter.reprioritize();
    rows[0]!.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toEqual(['rowOutOfView0', 'rowOutOfView7']);
    rows.forEach((row) => row.finish());
  });

  it(`leaves the last ${LIST_RESERVE} requests of a rate window to the rep`, async () => {
    const limiter = createRateLimiter({ maxParallel: 4 });
    const reset = Math.floor(Date.now() / 1000) + 20;
    limiter.observe(
      new Headers({
        'X-RateLimit-Remaining': String(LIST_RESERVE),
        'X-RateLimit-Reset': String(reset),
      }),
    );
    const log: string[] = [];
    const rows = queueMany(limiter, log, 'visibleRow', 3);
    const open = queueMany(limiter, log, 'open', 1);
    await vi.advanceTimersByTimeAsync(0);
    expect(log).toEqual(['open0']);

    await vi.advanceTimersByTimeAsync(20_000);
    expect(log).toEqual(['open0', 'visibleRow0', 'visibleRow1', 'visibleRow2']);
    [...rows, ...open].forEach((task) => task.finish());
  });
});
