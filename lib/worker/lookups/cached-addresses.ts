/**
 * Which addresses the contact cache may hold, in the worker's memory, so a lookup of people it
 * has never stored (a new correspondent's thread) goes to Vivre at once instead of first waiting
 * for IndexedDB to say it has nothing: on a busy machine that read was 1–7 ms of a cold chip's
 * wait (docs/BENCHMARKS.md, "thread inserted → chips visible").
 *
 * It may say "maybe" wrongly, never "no": an address is added when a write of it begins and
 * removed only when forgotten or cleared. Entries the bound trims stay until the index outgrows
 * twice that bound; it is then read again from the database, so it stays bounded too (twice the
 * bound, and what is stored while that read is on its way).
 */
export interface CachedAddresses {
  /** True when the cache surely holds none of `emails`; false while the index is being read. */
  holdsNone(emails: readonly string[]): boolean;
  added(email: string): void;
  removed(email: string): void;
  cleared(): void;
  /** How many it holds (none while being read). */
  size(): number;
}

export function createCachedAddresses(
  readKeys: () => Promise<string[]>,
  maxAddresses: number,
): CachedAddresses {
  let known: Set<string> | undefined;
  let loading = false;
  /** Bumped by every clear: a read of the keys begun before one answers what the clear removed. */
  let cleared = 0;
  const addedWhileLoading = new Set<string>();

  function load() {
    if (loading) return;
    loading = true;
    addedWhileLoading.clear();
    const clearedAtStart = cleared;
    readKeys().then(
      (keys) => {
        loading = false;
        // Cleared since the read began: only what was added after that can be there.
        const base = cleared === clearedAtStart ? keys : [];
        known = new Set([...base, ...addedWhileLoading]);
        addedWhileLoading.clear();
      },
      () => {
        loading = false; // the next lookup reads the database, and tries again
      },
    );
  }

  return {
    holdsNone(emails) {
      if (!known) {
        load();
        return false;
      }
      return emails.every((email) => !known!.has(email));
    },
    added(email) {
      if (loading) addedWhileLoading.add(email);
      if (!known) return;
      known.add(email);
      if (known.size > 2 * maxAddresses) {
        known = undefined;
        load();
      }
    },
    removed(email) {
      addedWhileLoading.delete(email);
      known?.delete(email);
    },
    cleared() {
      cleared++;
      addedWhileLoading.clear();
      if (known) known = new Set();
    },
    size: () => known?.size ?? 0,
  };
}
