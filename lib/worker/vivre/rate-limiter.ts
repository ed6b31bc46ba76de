/**
 * The worker's one request scheduler, shared by every request it makes (lookups and outbox
 * alike): at most `maxParallel` requests in flight, and none sent while the server has said
 * the window is spent (`X-RateLimit-Remaining: 0` until `X-RateLimit-Reset`, or a
 * `Retry-After`). Counting requests in flight against `remaining` stops a burst of
 * parallel requests from overrunning the last few slots into a 429 storm.
 *
 * Waiting requests go in priority order: writes, then the open thread and compose, then list
 * rows on screen, then list rows out of view. List lookups never take the last parallel slot
 * nor the last `LIST_RESERVE` requests of a rate window, so a write or the open thread's lookup
 * never waits behind a page of inbox rows. A waiting request's priority can be raised (a row
 * scrolled into view) through its ticket, and a request nobody wants any more dropped unsent.
 */
import { isListPriority, type LookupPriority } from '../../shared/lookup-priority';

export type RequestPriority = 'write' | LookupPriority;

/** A request's place in the queue; `priority` may be raised while it waits. */
export interface RequestTicket {
  priority: RequestPriority;
  /** Set by the scheduler once the request has its slot: it is sent, whoever still wants it. */
  started?: boolean;
  /** Nobody wants it any more: while it waits, the scheduler drops it unsent (`Dropped`). */
  dropped?: boolean;
}

/** How a request dropped before it was sent fails: nothing was asked, so nothing is learnt. */
export class Dropped extends Error {
  constructor() {
    super('Nobody waits for this request any more.');
    this.name = 'Dropped';
  }
}

const RANK: Record<RequestPriority, number> = {
  write: 0,
  open: 1,
  visibleRow: 2,
  rowOutOfView: 3,
};

/** Whether `a` goes before `b`. */
export function outranks(a: RequestPriority, b: RequestPriority): boolean {
  return RANK[a] < RANK[b];
}

/** Requests of a rate window that list lookups leave to writes and the open thread. */
export const LIST_RESERVE = 5;

export interface RateLimiter {
  /** Without a ticket a request counts as the open thread's: the rep is waiting for it. */
  run<T>(task: () => Promise<T>, ticket?: RequestTicket): Promise<T>;
  /** A waiting request's ticket changed (raised, or dropped): pick again. */
  reprioritize(): void;
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
  // A limiter of one slot still serves lists, one at a time.
  const listSlots = Math.max(1, maxParallel - 1);
  let active = 0;
  let activeList = 0;
  let remaining: number | null = null;
  let resetAt = 0;
  let blockedUntil = 0;
  const queue: Array<{ ticket: RequestTicket; start: () => void; drop: () => void }> = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** How long `ticket`'s request must wait: 0 to go now. */
  function waitMs(ticket: RequestTicket): number {
    const t = now();
    if (blockedUntil > t) return blockedUntil - t;
    const reserve = isList(ticket) ? LIST_RESERVE : 0;
    if (remaining !== null && remaining - active <= reserve && resetAt > t) return resetAt - t;
    return 0;
  }

  function isList(ticket: RequestTicket): boolean {
    return ticket.priority !== 'write' && isListPriority(ticket.priority);
  }

  /** The most urgent waiting request (first come first served within a priority). */
  function next(): number {
    let best = 0;
    for (let i = 1; i < queue.length; i++) {
      if (RANK[queue[i]!.ticket.priority] < RANK[queue[best]!.ticket.priority]) best = i;
    }
    return best;
  }

  function wakeIn(wait: number): void {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      pump();
    }, wait);
  }

  function pump(): void {
    for (let i = queue.length - 1; i >= 0; i--)
      if (queue[i]!.ticket.dropped) queue.splice(i, 1)[0]!.drop();
    while (queue.length > 0 && active < maxParallel) {
      const index = next();
      const { ticket, start } = queue[index]!;
      const wait = waitMs(ticket);
      if (wait > 0) return wakeIn(wait);
      // The last slot is kept for writes and the open thread: with only list lookups waiting,
      // one slot stays free.
      if (isList(ticket) && activeList >= listSlots) return;
      queue.splice(index, 1);
      ticket.started = true;
      active++;
      if (isList(ticket)) activeList++;
      start();
    }
  }

  return {
    run<T>(task: () => Promise<T>, ticket: RequestTicket = { priority: 'open' }): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const start = () => {
          // Counted as started: a raised ticket no longer moves a request that has begun.
          const list = isList(ticket);
          task()
            .then(resolve, reject)
            .finally(() => {
              active--;
              if (list) activeList--;
              pump();
            });
        };
        queue.push({ ticket, start, drop: () => reject(new Dropped()) });
        pump();
      });
    },
    reprioritize: pump,
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
