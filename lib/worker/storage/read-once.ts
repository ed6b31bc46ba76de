/**
 * A value read once and then kept in memory: for what the worker reads on every lookup or
 * request and alone writes (the privacy preferences, the saved connection), so a lookup
 * waits for no database. A failed read is not kept: the next one reads again.
 */
export interface ReadOnce<T> {
  get(): Promise<T>;
  /** After the worker wrote `value` itself. */
  keep(value: T): void;
}

/**
 * `scope`: the kept value holds while it returns the same thing (the items' database
 * connection: unit tests give each worker they start a fresh one).
 */
export function readOnce<T>(
  read: () => Promise<T>,
  scope: () => unknown = () => null,
): ReadOnce<T> {
  let kept: { scope: unknown; value: Promise<T> } | undefined;
  return {
    get() {
      const current = scope();
      if (!kept || kept.scope !== current) {
        const value = read();
        const entry = { scope: current, value };
        kept = entry;
        value.catch(() => {
          if (kept === entry) kept = undefined;
        });
      }
      return kept.value;
    },
    keep(value) {
      kept = { scope: scope(), value: Promise.resolve(value) };
    },
  };
}
