/**
 * One flusher at a time across every context that opens the outbox (worker, and any
 * page that might), so no item is ever in flight twice.
 */
import { readMeta, type OutboxDatabase } from './db';

const FLUSH_LOCK_NAME = 'vivre-outbox-flush';

/** Returns false once this flusher has lost the right to continue (its lease expired and was taken). */
export type StillOwner = () => Promise<boolean>;

export interface FlushLock {
  /** Runs `pass` exclusively; 'busy' when another context holds the lock and we did not wait. */
  run<T>(pass: (stillOwner: StillOwner) => Promise<T>): Promise<{ value: T } | 'busy'>;
}

/**
 * Web Locks, released by the browser the instant a holder's context dies. We queue for the
 * lock instead of asking `ifAvailable`: with `ifAvailable`, a flush requested just after the
 * holder's last look at the store, but before it lets go, would be dropped and the new item
 * would sit until the next alarm. Callers coalesce, so each context queues at most once.
 */
export function webLock(locks: Pick<LockManager, 'request'>): FlushLock {
  return {
    async run(pass) {
      let value!: Awaited<ReturnType<typeof pass>>;
      await locks.request(FLUSH_LOCK_NAME, async () => {
        value = await pass(async () => true);
      });
      return { value };
    },
  };
}

/**
 * Fallback where Web Locks are missing: a lease row in IndexedDB with an expiry, renewed
 * while the pass runs. A killed holder cannot release it, so it simply runs out and the
 * next flusher takes over; `leaseMs` must outlast the longest single delivery.
 */
export function leaseLock(
  db: OutboxDatabase,
  now: () => number,
  leaseMs: number,
): FlushLock & { expiresAt(): Promise<number | null> } {
  const owner = crypto.randomUUID();
  let heldUntil = 0;

  async function take(): Promise<boolean> {
    const tx = db.transaction('meta', 'readwrite');
    const lease = await readMeta(tx.store, 'lease');
    // A lease running longer than any we grant was taken before the clock was set back:
    // its holder would have renewed it long ago, so it is as good as expired.
    const live = lease && lease.expiresAt > now() && lease.expiresAt - now() <= leaseMs;
    if (lease && lease.owner !== owner && live) {
      await tx.done;
      return false;
    }
    heldUntil = now() + leaseMs;
    await tx.store.put({ owner, expiresAt: heldUntil }, 'lease');
    await tx.done;
    return true;
  }

  async function release(): Promise<void> {
    const tx = db.transaction('meta', 'readwrite');
    const lease = await readMeta(tx.store, 'lease');
    if (lease?.owner === owner) await tx.store.put(null, 'lease');
    await tx.done;
  }

  return {
    async run(pass) {
      if (!(await take())) return 'busy';
      try {
        // Renewing costs a write, so only when half the lease is gone.
        return { value: await pass(async () => heldUntil - now() > leaseMs / 2 || take()) };
      } finally {
        // If this fails (database closed under us), the lease simply expires.
        await release().catch(() => undefined);
      }
    },
    async expiresAt() {
      const lease = await readMeta(db.transaction('meta').store, 'lease');
      return lease?.expiresAt ?? null;
    },
  };
}
