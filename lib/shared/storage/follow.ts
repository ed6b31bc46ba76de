/**
 * Reading and following storage items without the storage library: the Gmail content script
 * (whose size budget the library would break), the popup's first read (the library reads every
 * item it defines as its module loads, ahead of the popup's own read) and the card's
 * connection watch go straight to the browser's storage API with the entries of ./table.ts.
 * `follow` is the one way anything follows an item, with either kind of item.
 */
import { browser } from 'wxt/browser';
import {
  AT_OPEN,
  areaAndKey,
  CONNECTION,
  type BrowserArea,
  type BrowserEntry,
  type PopupStart,
} from './table';

/** What `follow` needs of an item: the storage library's items and `rawItem`s both have it. */
export interface Followable<T> {
  getValue(): Promise<T>;
  /** Calls `callback` with each new value; returns the function that stops it. */
  watch(callback: (value: T) => void): () => void;
}

/**
 * Calls `callback` with the item's value now, then with each new value, until `signal`
 * aborts. A first read that comes back after a change was already seen is dropped: it
 * would be older than what the callback has.
 */
export function follow<T>(
  item: Followable<T>,
  signal: AbortSignal,
  callback: (value: T) => void,
): void {
  if (signal.aborted) return;
  let changed = false;
  const unwatch = item.watch((value) => {
    changed = true;
    if (!signal.aborted) callback(value);
  });
  signal.addEventListener('abort', unwatch, { once: true });
  void item.getValue().then((value) => {
    if (!changed && !signal.aborted) callback(value);
  });
}

/**
 * An entry of the table as a `Followable`, read with the browser's API. `parse` turns whatever
 * is stored (or nothing) into a value; by default a missing value reads as the fallback.
 */
export function rawItem<T>(
  entry: Pick<BrowserEntry<T>, 'key' | 'fallback'>,
  parse: (stored: unknown) => T = (stored) => (stored ?? entry.fallback) as T,
): Followable<T> {
  const [area, key] = areaAndKey(entry.key);
  return {
    getValue: async () =>
      parse(((await browser.storage[area].get(key)) as Record<string, unknown>)[key]),
    watch(callback) {
      const listener = (changes: Record<string, { newValue?: unknown }>, changedArea: string) => {
        const change = changes[key];
        if (changedArea === area && change) callback(parse(change.newValue));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

/** Everything the popup shows before it asks the worker anything: two reads, one per area. */
export async function readAtOpen(): Promise<PopupStart> {
  const entries = Object.entries(AT_OPEN).map(
    ([name, entry]) => [name, entry, ...areaAndKey(entry.key)] as const,
  );
  const read = async (area: BrowserArea) => {
    const keys = entries.filter((entry) => entry[2] === area).map((entry) => entry[3]);
    return keys.length === 0
      ? {}
      : ((await browser.storage[area].get(keys)) as Record<string, unknown>);
  };
  const [local, session] = await Promise.all([read('local'), read('session')]);
  const stored = { local, session };
  return Object.fromEntries(
    entries.map(([name, entry, area, key]) => [name, stored[area][key] ?? entry.fallback]),
  ) as PopupStart;
}

/** Calls `callback` each time the worker publishes that Vivre answered again (back to 'ok'). */
export function onVivreAnswering(signal: AbortSignal, callback: () => void): void {
  if (signal.aborted) return;
  const unwatch = rawItem(CONNECTION).watch((record) => {
    if (record.state === 'ok') callback();
  });
  signal.addEventListener('abort', unwatch, { once: true });
}
