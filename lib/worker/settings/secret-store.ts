/**
 * Where the API key lives: the extension origin's IndexedDB, which only the
 * extension's own pages and worker can open — content scripts run in Gmail's
 * origin and cannot, unlike storage.local/sync. Only the worker's settings use it.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { readOnce } from '../storage/read-once';
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
  /** The saved connection, or undefined when the rep has saved none. */
  loadSaved(): Promise<ConnectionSettings | undefined>;
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

  // Every request to Vivre reads the connection, and only this store writes it.
  const saved = readOnce(() => open().then((database) => database.get(STORE, CONNECTION)));
  const loadSaved = saved.get;

  return {
    async loadConnection() {
      return (await loadSaved()) ?? defaultConnection();
    },
    loadSaved,
    async saveConnection(settings) {
      await (await open()).put(STORE, settings, CONNECTION);
      saved.keep(settings);
    },
  };
}

const KEY_KIND = /^vv_(live|test)_/;
/** Fewer secret characters than this and even the last four would say too much. */
const SHORTEST_TO_HINT = 12;

/**
 * `vv_test_demo_write_0000000000000000` → `vv_test_…0000`: enough to tell which key is
 * saved, and never more than four characters of the secret (the review found ten).
 */
export function maskKey(key: string | null): string | null {
  if (!key) return null;
  const kind = KEY_KIND.exec(key)?.[0] ?? '';
  const secret = key.slice(kind.length);
  return secret.length < SHORTEST_TO_HINT ? `${kind}…` : `${kind}…${secret.slice(-4)}`;
}
