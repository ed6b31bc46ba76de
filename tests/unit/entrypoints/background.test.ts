import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import background from '@/entrypoints/background';
import { settle } from '../lib/worker/harness';

afterEach(() => vi.unstubAllGlobals());

const hasListeners = (event: object) => (event as { hasListeners(): boolean }).hasListeners();

/** Sends a message the way @webext-core/messaging puts it on the wire, and waits for the answer. */
function send(type: string, sender: object): Promise<unknown> {
  return new Promise((resolve) => {
    // The fake's types omit sendResponse, but it passes every argument to the listener.
    const trigger = fakeBrowser.runtime.onMessage.trigger as (
      ...args: unknown[]
    ) => Promise<unknown>;
    void trigger({ id: 1, type, data: undefined, timestamp: Date.now() }, sender, resolve);
  });
}

describe('background entrypoint', () => {
  it('registers its listeners in the first turn, and answers through the real messenger', async () => {
    fakeBrowser.reset();
    vi.stubGlobal('indexedDB', new IDBFactory());
    // The fake browser has no permissions.onRemoved (Firefox's consent withdrawn): count it here.
    const onRemoved = vi
      .spyOn(fakeBrowser.permissions.onRemoved, 'addListener')
      .mockImplementation(() => {});
    background.main();
    // Synchronously, before any await: what MV3 needs to wake the worker for these events.
    expect(hasListeners(fakeBrowser.runtime.onMessage)).toBe(true);
    expect(hasListeners(fakeBrowser.alarms.onAlarm)).toBe(true);
    expect(hasListeners(fakeBrowser.storage.onChanged)).toBe(true);
    expect(onRemoved).toHaveBeenCalledOnce();

    const page = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
    expect(await send('getSettings', page)).toMatchObject({
      res: { ok: true, value: { workspaceId: 'ws_demo' } },
    });
    const stranger = {
      id: 'another-extension',
      url: 'chrome-extension://another-extension/x.html',
    };
    expect(await send('getSettings', stranger)).toMatchObject({
      res: { ok: false, error: { kind: 'forbidden' } },
    });
    await settle();
  });
});
