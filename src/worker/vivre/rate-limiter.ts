/**
 * One limiter shared by every request the worker makes (lookups and outbox alike):
 * at most `maxParallel` requests in flight, and none sent while the server has said
 * the window is spent (`X-RateLimit-Remaining: 0` until `X-RateLimit-Reset`, or a
 * `Retry-After`). Counting requests in flight against `remaining` stops a burst of
 * parallel requests from overrunning the last few slots into a 429 storm.
 */
export interface RateLimiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Feed every response's headers here. */
  observe(headers: Headers): void;
  /** Called on 429/503 with the server's Retry-After, in seconds. */
  backOff(seconds: number): void;
}

/** `X-RateLimit-Reset` as epoch ms; accepts epoch seconds or seconds-from-now. */
export function parseReset(value: string | null, now: number): number | null {
  if (value === null) return null;
  const n = Number(value);
  if (!Number.isFinite(n)) return null;
  return n > 1e9 ? n * 1000 : now + n * 1000;
}

/** The longest the limiter holds a request on the server's say-so before trying anyway. */
export const MAX_WAIT_MS = 5 * 60_000;

export function createRateLimiter({ maxParallel = 4, now = () => Date.now() } = {}): RateLimiter {
  let active = 0;
  let remaining: number | null = null;
  let resetAt = 0;
  let blockedUntil = 0;
  const queue: Array<() => void> = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  function waitMs(): number {
    const t = now();
    if (blockedUntil > t) return blockedUntil - t;
    if (remaining !== null && remaining - active <= 0 && resetAt > t) return resetAt - t;
    return 0;
  }

  function pump(): void {
    while (queue.length > 0 && active < maxParallel) {
      const wait = waitMs();
      if (wait > 0) {
        if (timer === undefined) {
          timer = setTimeout(() => {
            timer = undefined;
            pump();
          }, wait);
        }
        return;
      }
      active++;
      queue.shift()!();
    }
  }

  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push(() => {
          task()
            .then(resolve, reject)
            .finally(() => {
              active--;
              pump();
            });
        });
        pump();
      });
    },
    observe(headers) {
      const left = headers.get('X-RateLimit-Remaining');
      const reset = parseReset(headers.get('X-RateLimit-Reset'), now());
      // `remaining` is compared with the requests in flight in waitMs(), as if the
      // server had not counted them yet: cautious, never a burst past the limit.
      if (left !== null && Number.isFinite(Number(left))) remaining = Number(left);
      // Capped: a reset far ahead means our clock and the server's disagree, not that
      // the window is really that long (Vivre's is one minute).
      if (reset !== null) resetAt = Math.min(reset, now() + MAX_WAIT_MS);
    },
    backOff(seconds) {
      blockedUntil = Math.max(blockedUntil, now() + Math.min(seconds * 1000, MAX_WAIT_MS));
    },
  };
}
