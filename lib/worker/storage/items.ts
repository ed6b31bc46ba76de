/**
 * The worker's items: the storage table's `worker` area (lib/shared/storage/table.ts), kept in
 * the worker's database (./db.ts), with the storage library's two calls, `getValue` and
 * `setValue`. Only the worker imports this.
 *
 * Moving out of storage.local: an item an earlier version kept there (`movedFrom`) is adopted
 * the first time the worker reads it and finds nothing here, and the storage.local copy is
 * removed. The item is then owned here, and storage.local is never read for it again: a value a
 * content script writes there afterwards (Gmail's page can drive ours) steers nothing.
 */
import { browser } from 'wxt/browser';
import {
  APP_URL,
  areaAndKey,
  EMAIL_LOGGING,
  LOGGED_MESSAGES,
  MANAGED_APPLIED,
  PRIVACY,
  type StorageEntry,
} from '../../shared/storage/table';
import { workerDb } from './db';
import { readOnce } from './read-once';
import { writesInTurn } from './in-turn';

export interface WorkerItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /**
   * Reads the value and writes what `change` makes of it (nothing when it answers the same
   * value), with no other write of this item in between. Two read-then-write callers at once
   * (options saving the list while a Gmail tab records its account) would otherwise each write
   * the other's change away.
   */
  update(change: (current: T) => T): Promise<T>;
}

interface WorkerItemOptions<T> {
  /** What to keep of the value found at `movedFrom`; by default all of it. */
  adopt?: (stored: unknown) => T | undefined;
  /**
   * Read from the database once, then from memory (updated by `setValue`): for items read on
   * every lookup, which this worker alone writes. Not for items tests write behind its back.
   */
  inMemory?: boolean;
}

export function workerItem<T>(
  entry: StorageEntry<T> & { key: `worker:${string}` },
  options: WorkerItemOptions<T> = {},
): WorkerItem<T> {
  const stored = storedItem(entry, options);
  const memory = options.inMemory ? readOnce(() => stored.getValue(), workerDb) : undefined;
  const getValue = memory ? memory.get : stored.getValue;
  async function write(value: T) {
    await stored.setValue(value);
    memory?.keep(value);
  }
  const inTurn = writesInTurn();
  return {
    getValue,
    setValue: (value) => inTurn(() => write(value)),
    update: (change) =>
      inTurn(async () => {
        const current = await getValue();
        const next = change(current);
        if (next !== current) await write(next);
        return next;
      }),
  };
}

function storedItem<T>(
  entry: StorageEntry<T> & { key: `worker:${string}` },
  { adopt = (stored) => stored as T | undefined }: WorkerItemOptions<T>,
): Pick<WorkerItem<T>, 'getValue' | 'setValue'> {
  const [, name] = areaAndKey(entry.key);

  /** The storage.local value of an earlier version, once: kept here, removed there. */
  async function moveIn(from: `local:${string}`): Promise<T> {
    const [, oldKey] = areaAndKey(from);
    const stored = ((await browser.storage.local.get(oldKey)) as Record<string, unknown>)[oldKey];
    const adopted = stored === undefined ? undefined : adopt(stored);
    const tx = (await workerDb()).transaction(['items', 'owned'], 'readwrite');
    const [items, owned] = [tx.objectStore('items'), tx.objectStore('owned')];
    // Another read moved it in meanwhile, or the worker wrote it: that value stands.
    const already = Boolean(await owned.get(name));
    const value = already ? ((await items.get(name)) as T | undefined) : adopted;
    if (!already) {
      if (adopted !== undefined) await items.put(adopted, name);
      await owned.put(true, name);
    }
    await tx.done;
    // With the version record the storage library kept beside it.
    await browser.storage.local.remove([oldKey, `${oldKey}$`]);
    return value === undefined ? entry.fallback : value;
  }

  return {
    async getValue() {
      const tx = (await workerDb()).transaction(['items', 'owned']);
      const [value, owned] = await Promise.all([
        tx.objectStore('items').get(name),
        tx.objectStore('owned').get(name),
      ]);
      if (value !== undefined) return value as T;
      if (owned || !entry.movedFrom) return entry.fallback;
      return moveIn(entry.movedFrom);
    },
    async setValue(value) {
      const tx = (await workerDb()).transaction(['items', 'owned'], 'readwrite', {
        durability: 'strict',
      });
      await Promise.all([
        tx.objectStore('items').put(value, name),
        tx.objectStore('owned').put(true, name),
        tx.done,
      ]);
    },
  };
}

/** Who is looked up: the rep's never-look-up list, automatic lookups, their own domain. */
export const privacyItem = workerItem(PRIVACY, { inMemory: true });
/** Whether and how sent emails are logged. */
export const emailLoggingItem = workerItem(EMAIL_LOGGING);
/** Where "Open in Vivre" goes. */
export const appUrlItem = workerItem(APP_URL);
/** Thread messages already logged from this browser. */
export const loggedMessagesItem = workerItem(LOGGED_MESSAGES);
/** The organisation's policy values as last applied. */
export const managedAppliedItem = workerItem(MANAGED_APPLIED);
