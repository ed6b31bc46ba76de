/**
 * Where the API key lives: the extension origin's IndexedDB, which only the
 * extension's own pages and worker can open — content scripts run in Gmail's
 * origin and cannot, unlike storage.local/sync. Only the worker's settings use it.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { defaultConnection, type ConnectionSettings } from './defaults';

const DB_NAME = 'vivre-settings';
const STORE = 'settings';
const CONNECTION = 'connection';

/** Version 1, as installs have it: one store whose only record is the connection. */
interface SecretStoreDB extends DBSchema {
  [STORE]: { key: typeof CONNECTION; value: ConnectionSettings };
}

export interface SecretStore {
  /** The saved connection, or this build's default when nothing is saved. */
  loadConnection(): Promise<ConnectionSettings>;
  saveConnection(settings: ConnectionSettings): Promise<void>;
}

/** Opens the database on first use, once per store (the worker's settings hold the one). */
export function openSecretStore(): SecretStore {
  let db: Promise<IDBPDatabase<SecretStoreDB>> | undefined;
  const open = () =>
    (db ??= openDB<SecretStoreDB>(DB_NAME, 1, {
      upgrade(database) {
        database.createObjectStore(STORE);
      },
    }));

  return {
    async loadConnection() {
      return (await (await open()).get(STORE, CONNECTION)) ?? defaultConnection();
    },
    async saveConnection(settings) {
      await (await open()).put(STORE, settings, CONNECTION);
    },
  };
}

/** `vv_test_demo_write_0000000000000000` → `vv_test_demo_wr…0000`. */
export function maskKey(key: string | null): string | null {
  if (!key) return null;
  return key.length <= 18 ? `${key.slice(0, 8)}…` : `${key.slice(0, 14)}…${key.slice(-4)}`;
}
