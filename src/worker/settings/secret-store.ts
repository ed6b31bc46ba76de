/**
 * Where the API key lives: the extension origin's IndexedDB, which only the
 * extension's own pages and worker can open — content scripts run in Gmail's
 * origin and cannot, unlike storage.local/sync. Only the worker calls this.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { defaultConnection, type ConnectionSettings } from './defaults';

const DB_NAME = 'vivre-settings';
const STORE = 'settings';
const CONNECTION = 'connection';

let db: Promise<IDBPDatabase> | undefined;

function open(): Promise<IDBPDatabase> {
  db ??= openDB(DB_NAME, 1, {
    upgrade(database) {
      database.createObjectStore(STORE);
    },
  });
  return db;
}

export async function loadConnection(): Promise<ConnectionSettings> {
  const saved = (await (await open()).get(STORE, CONNECTION)) as ConnectionSettings | undefined;
  return saved ?? defaultConnection();
}

export async function saveConnection(settings: ConnectionSettings): Promise<void> {
  await (await open()).put(STORE, settings, CONNECTION);
}

/** For tests: forget the cached connection so a fresh fake IndexedDB is used. */
export function closeSecretStore(): void {
  void db?.then((database) => database.close());
  db = undefined;
}

/** `vv_test_demo_write_0000000000000000` → `vv_test_demo_wr…0000`. */
export function maskKey(key: string | null): string | null {
  if (!key) return null;
  return key.length <= 18 ? `${key.slice(0, 8)}…` : `${key.slice(0, 14)}…${key.slice(-4)}`;
}
