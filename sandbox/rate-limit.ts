/**
 * Per-key fixed-window rate limit (requests per minute). Every /v1 response
 * carries the X-RateLimit-* headers, so a client can slow down before a 429.
 */
export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

const WINDOW_MS = 60_000;

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly limit: number) {}

  take(bucket: string, now = Date.now()): RateDecision {
    let window = this.windows.get(bucket);
    if (!window || now - window.start >= WINDOW_MS) {
      if (this.windows.size > 10_000) this.prune(now);
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
