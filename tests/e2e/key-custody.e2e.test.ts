/**
 * The API key stays with the worker: Gmail's page and the extension's own content
 * script (which runs inside Gmail) can read neither it nor a copy of it, and it is
 * not in storage.local or storage.sync, which content scripts can read.
 */
import { DEFAULT_DB_NAME as OUTBOX_DB } from '@/lib/worker/outbox/db';
import { describe, expect, test } from './fixtures';
import {
  DEMO_KEYS,
  enqueueNotes,
  evaluateInContentScript,
  openExtensionPage,
  waitForContentScript,
  type ExtensionBrowser,
} from './harness';

// Not the build's default key, so finding it anywhere means it was copied there.
const KEY = DEMO_KEYS.admin;
test.scoped({ connectWith: KEY });

/** Everything the content script's world can reach by itself, as one JSON string. */
const CONTENT_SCRIPT_REACH = `(async () => {
  const ask = (type) => new Promise((resolve) =>
    chrome.runtime.sendMessage({ id: 1, type, data: undefined, timestamp: Date.now() }, (answer) =>
      resolve(chrome.runtime.lastError ? { lastError: chrome.runtime.lastError.message } : answer)));
  const reach = {};
  reach.local = await chrome.storage.local.get(null);
  reach.sync = await chrome.storage.sync.get(null);
  try { reach.session = await chrome.storage.session.get(null); }
  catch (error) { reach.session = 'unavailable: ' + error.message; }
  reach.settings = await ask('getSettings');
  reach.status = await ask('getStatus');
  reach.indexedDb = (await indexedDB.databases()).map((db) => db.name);
  reach.origin = location.origin;
  return JSON.stringify(reach);
})()`;

/** storage.local, storage.sync and every IndexedDB database of the extension's origin. */
async function extensionStorage(browser: ExtensionBrowser): Promise<{
  local: string;
  sync: string;
  idb: Record<string, string>;
}> {
  const page = await openExtensionPage(browser);
  try {
    return await page.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: Record<'local' | 'sync', { get(keys: null): Promise<object> }> };
      };
      const idb: Record<string, string> = {};
      for (const { name } of await indexedDB.databases()) {
        if (!name) continue;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const stores: Record<string, unknown> = {};
        for (const store of db.objectStoreNames) {
          stores[store] = await new Promise((resolve) => {
            const request = db.transaction(store).objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result);
          });
        }
        db.close();
        idb[name] = JSON.stringify(stores);
      }
      return {
        local: JSON.stringify(await chrome.storage.local.get(null)),
        sync: JSON.stringify(await chrome.storage.sync.get(null)),
        idb,
      };
    });
  } finally {
    await page.close();
  }
}

describe('API key custody', () => {
  test('keeps the key in one extension-origin database: not in storage.local/sync, not in queued writes', async ({
    extension,
    popupPage,
  }) => {
    // A queued write on disk, so "never written into queued items" is checked, not assumed.
    await enqueueNotes(popupPage, 'custody', 1);

    const storage = await extensionStorage(extension);
    expect(storage.local).not.toContain(KEY);
    expect(storage.sync).not.toContain(KEY);
    expect(storage.idb[OUTBOX_DB]).toBeDefined();
    expect(storage.idb[OUTBOX_DB]).toContain('custody');
    expect(storage.idb[OUTBOX_DB]).not.toContain(KEY);
    // The control: the same search finds the key where it is meant to live, and only there.
    const holders = Object.entries(storage.idb)
      .filter(([, dump]) => dump.includes(KEY))
      .map(([name]) => name);
    expect(holders).toHaveLength(1);
  });

  test("cannot be read from the content script's world in a Gmail tab", async ({
    extension,
    gmail,
  }) => {
    const page = await gmail.open('thread-expanded-2025');
    const reach = await evaluateInContentScript<string>(extension, page, CONTENT_SCRIPT_REACH);
    const parsed = JSON.parse(reach) as { origin: string; local: object; settings: unknown };
    // The evaluation really ran in the content script, with its storage access.
    expect(parsed.origin).toBe('https://mail.google.com');
    expect(typeof parsed.local).toBe('object');
    // It may not even ask for the settings (least privilege), masked key or not.
    expect(parsed.settings).toMatchObject({ res: { ok: false, error: { kind: 'forbidden' } } });
    expect(reach).not.toContain(KEY);
    expect(reach).not.toContain(KEY.slice(-12));
  });

  test('never puts the key into the Gmail page', async ({ gmail }) => {
    const page = await gmail.open('thread-expanded-2025');
    await waitForContentScript(page);
    const shadowMarkup = await page.evaluate(() =>
      [...document.querySelectorAll('[data-vivre-host]')]
        .map((host) =>
          host.shadowRoot ? new XMLSerializer().serializeToString(host.shadowRoot) : '',
        )
        .join('\n'),
    );
    const pageText = (await page.content()) + shadowMarkup;
    expect(pageText).not.toContain(KEY);
  });
});
