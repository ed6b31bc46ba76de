/**
 * Hosts of list rows Gmail took off the page, kept for the next rows that show the same person.
 * Gmail removes and adds rows all the time (a new conversation pushes one out, paging and
 * switching labels swap the list), mostly for the same senders, and building a host (an element,
 * a closed root and its styles) was most of what mounting a row's chip cost.
 *
 * A spare host stays where it was, inside the row Gmail removed: taking it out would be one more
 * DOM write per host, and a row no longer on the page shows nothing. It leaves that row when a new
 * row takes it, when the row comes back (`takeRow`: its own hosts first, so it never shows two),
 * or when it is among the oldest past `max`; then it is removed.
 */
interface Spare<T> {
  key: string;
  host: T;
  row: Element;
}

export interface SpareHosts<T extends { element: Element }> {
  /** Keeps `host`, which shows `key` inside `row`, a row no longer on the page. */
  put(row: Element, key: string, host: T): void;
  /** A spare host that shows `key`, out of whichever row held it, or undefined. */
  take(key: string): T | undefined;
  /** The spare hosts still inside `row`, by key: a row Gmail put back on the page. */
  takeRow(row: Element): Map<string, T>;
  /** Removes every spare host. */
  clear(): void;
}

export function createSpareHosts<T extends { element: Element }>(max: number): SpareHosts<T> {
  const byKey = new Map<string, Spare<T>[]>();
  // Oldest rows first (Map order): past `max`, a whole row's hosts go at once.
  const byRow = new Map<Element, Spare<T>[]>();
  let size = 0;

  const without = <K>(map: Map<K, Spare<T>[]>, k: K, spare: Spare<T>) => {
    const list = map.get(k);
    if (!list) return;
    list.splice(list.indexOf(spare), 1);
    if (list.length === 0) map.delete(k);
  };

  function dropOldestRow() {
    const [row, spares] = byRow.entries().next().value!;
    byRow.delete(row);
    for (const spare of spares) {
      without(byKey, spare.key, spare);
      spare.host.element.remove();
      size--;
    }
  }

  return {
    put(row, key, host) {
      const spare = { key, host, row };
      byKey.set(key, [...(byKey.get(key) ?? []), spare]);
      byRow.set(row, [...(byRow.get(row) ?? []), spare]);
      size++;
      while (size > max) dropOldestRow();
    },
    take(key) {
      const spare = byKey.get(key)?.at(-1);
      if (!spare) return undefined;
      without(byKey, key, spare);
      without(byRow, spare.row, spare);
      size--;
      return spare.host;
    },
    takeRow(row) {
      const own = new Map<string, T>();
      for (const spare of byRow.get(row) ?? []) {
        without(byKey, spare.key, spare);
        size--;
        if (own.has(spare.key)) spare.host.element.remove();
        else own.set(spare.key, spare.host);
      }
      byRow.delete(row);
      return own;
    },
    clear() {
      for (const spares of byRow.values()) for (const { host } of spares) host.element.remove();
      byKey.clear();
      byRow.clear();
      size = 0;
    },
  };
}
