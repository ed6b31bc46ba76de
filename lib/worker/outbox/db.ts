import { openDB, type DBSchema, type IDBPDatabase, type StoreNames } from 'idb';
import type { RepError } from '../../shared/messaging/protocol';
import type { OutboxItem, TempIdEntry } from './types';

export interface FlushLease {
  owner: string;
  expiresAt: number;
}

/** Outbox-wide state, kept on disk so a restarted worker honours it. */
export interface OutboxMeta {
  /** Last seq handed out. */
  seq: number;
  /** Set by a 401: nothing is sent until the settings change. */
  paused: RepError | null;
  /** No request before this time (epoch ms): offline, or the server asked us to wait. */
  notBefore: number;
  lease: FlushLease | null;
  /** Bytes of the unsynced items (their `size`), kept with each change for the size cap. */
  bytes: number;
  /**
   * How many items are waiting and need attention, kept with each change so enqueue, the
   * feed and the badge never count the store (an index count walks every entry). Null on
   * installs from before it: counted once, in the first transaction that changes an item.
   */
  counted: StateCounts | null;
  /** The hold in `notBefore` is the network being down: coming back online lifts it. */
  offlineHold: boolean;
}

export interface StateCounts {
  waiting: number;
  attention: number;
}

/**
 * Version 2: version 1 (as earlier installs have it) plus the two indexes that find what the
 * outbox still holds for one contact without reading the rest (./pending-for.ts).
 */
export interface OutboxDB extends DBSchema {
  /** Keyed by `id`. */
  items: {
    key: string;
    value: OutboxItem;
    indexes: {
      'by-state-seq': [OutboxItem['state'], number];
      /** Writes whose body names a contact (`contact_id`), in seq order: its activities and new deals. */
      'by-contact': [string, number];
      /** Deal updates, by the deal they change (`dealId`, a temporary id for a deal not in Vivre yet). */
      'by-deal': string;
    };
  };
  /** Keyed by `tempId`. */
  tempIds: { key: string; value: TempIdEntry };
  /** Out-of-line keys: one record per field of `OutboxMeta`. */
  meta: { key: keyof OutboxMeta; value: OutboxMeta[keyof OutboxMeta] };
}

export type OutboxDatabase = IDBPDatabase<OutboxDB>;

export const DEFAULT_DB_NAME = 'vivre-outbox';

export function openOutboxDb(name = DEFAULT_DB_NAME): Promise<OutboxDatabase> {
  return openDB<OutboxDB>(name, 2, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        const items = db.createObjectStore('items', { keyPath: 'id' });
        // One index answers both "unsynced items in order" and "oldest synced items to prune".
        items.createIndex('by-state-seq', ['state', 'seq'], { unique: true });
        db.createObjectStore('tempIds', { keyPath: 'tempId' });
        db.createObjectStore('meta');
      }
      if (oldVersion < 2) {
        // Indexes fill themselves from the items already stored; a write without the path
        // (any other kind) is simply not in them.
        const items = tx.objectStore('items');
        items.createIndex('by-contact', ['write.body.contact_id', 'seq']);
        items.createIndex('by-deal', 'write.dealId');
      }
    },
    blocking(_current, _next, event) {
      // A newer version elsewhere wants to upgrade: step aside rather than block it forever.
      (event.target as IDBDatabase | null)?.close();
    },
  });
}

/**
 * Every write that records a rep's data goes through here: 'strict' makes the commit
 * wait for the disk flush, so "saved" in the UI means a crash or power cut cannot lose it.
 */
export function strictWrite<const Names extends ArrayLike<StoreNames<OutboxDB>>>(
  db: OutboxDatabase,
  stores: Names,
) {
  return db.transaction(stores, 'readwrite', { durability: 'strict' });
}

export function stateRange(state: OutboxItem['state']): IDBKeyRange {
  return IDBKeyRange.bound([state, -Infinity], [state, Infinity]);
}

const metaDefaults: OutboxMeta = {
  seq: 0,
  paused: null,
  notBefore: 0,
  lease: null,
  bytes: 0,
  counted: null,
  offlineHold: false,
};

/** The `meta` store of any transaction that has it. */
export interface MetaStore {
  get(key: keyof OutboxMeta): Promise<OutboxMeta[keyof OutboxMeta] | undefined>;
  put(value: OutboxMeta[keyof OutboxMeta], key: keyof OutboxMeta): Promise<unknown>;
}

export async function readMeta<K extends keyof OutboxMeta>(
  store: Pick<MetaStore, 'get'>,
  key: K,
): Promise<OutboxMeta[K]> {
  // A DBSchema cannot spare this cast (nor putMeta's): here the value's type depends on
  // the key, and idb gives a store one value type, so `meta` is typed as the union.
  const value = (await store.get(key)) as OutboxMeta[K] | undefined;
  return value ?? metaDefaults[key];
}

/** Writes each given field of `meta` as its own record, in the caller's transaction. */
export async function putMeta(store: MetaStore, meta: Partial<OutboxMeta>): Promise<void> {
  type Entry = [keyof OutboxMeta, OutboxMeta[keyof OutboxMeta]];
  for (const [key, value] of Object.entries(meta) as Entry[]) await store.put(value, key);
}
