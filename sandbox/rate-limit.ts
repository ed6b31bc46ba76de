/**
 * Fixed-window rate limit (requests per minute): one window per valid key, and one per
 * client address for every request without a valid key, however many made-up keys it
 * sends. Every /v1 response carries the X-RateLimit-* headers, so a client can slow down
 * before a 429. The number of windows is bounded: past `maxBuckets`, expired ones are
 * dropped, and if none has expired the newcomers share one overflow window.
 */
export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

const WINDOW_MS = 60_000;
const OVERFLOW = '\0overflow';

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private readonly maxBuckets: number;

  constructor(
    private readonly limit: number,
    { maxBuckets = 10_000 }: { maxBuckets?: number } = {},
  ) {
    this.maxBuckets = maxBuckets;
  }

  get size(): number {
    return this.windows.size;
  }

  take(requested: string, now = Date.now()): RateDecision {
    let bucket = requested;
    if (!this.windows.has(bucket) && this.windows.size >= this.maxBuckets) {
      this.prune(now);
      if (this.windows.size >= this.maxBuckets) bucket = OVERFLOW;
    }
    let window = this.windows.get(bucket);
    if (!window || now - window.start >= WINDOW_MS) {
      window = { start: now, count: 0 };
      this.windows.set(bucket, window);
    }
    const allowed = window.count < this.limit;
    if (allowed) window.count++;
    const resetMs = window.start + WINDOW_MS;
    const headers: Record<string, string> = {
      'X-RateLimit-Limit': String(this.limit),
      'X-RateLimit-Remaining': String(this.limit - window.count),
      'X-RateLimit-Reset': String(Math.ceil(resetMs / 1000)),
    };
    if (!allowed) headers['Retry-After'] = String(Math.max(1, Math.ceil((resetMs - now) / 1000)));
    return { allowed, headers };
  }

  private prune(now: number): void {
    for (const [bucket, window] of this.windows) {
      if (now - window.start >= WINDOW_MS) this.windows.delete(bucket);
    }
  }
}
