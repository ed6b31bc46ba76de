/**
 * "Logged ✓" is remembered in the worker's storage by reading the list, adding one id and writing it
 * back. Two messages logged at the same moment (two tabs, or two clicks in one thread) must
 * both be remembered: a second update that read the list before the first wrote it would
 * otherwise write the first one away, and that message could be logged twice.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { loggedMessages } from '@/lib/worker/email-logging/logged-messages';

beforeEach(() => {
  fakeBrowser.reset();
  vi.stubGlobal('indexedDB', new IDBFactory());
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the logged-messages list', () => {
  it('keeps every one of many updates made at the same moment', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `#msg-f:${1000 + i}`);
    await Promise.all(ids.map((id, i) => loggedMessages.remember(id, 1_700_000_000_000 + i)));
    expect(Object.keys(await loggedMessages.get()).sort()).toEqual([...ids].sort());
  });

  it('goes on remembering after an update failed', async () => {
    // The database refuses the first write (a full disk), and only that one.
    const open = IDBDatabase.prototype.transaction;
    let refused = false;
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
      this: IDBDatabase,
      ...args: Parameters<IDBDatabase['transaction']>
    ) {
      if (args[1] === 'readwrite' && !refused) {
        refused = true;
        throw new DOMException('disk full', 'QuotaExceededError');
      }
      return open.apply(this, args);
    });
    await expect(loggedMessages.remember('#msg-f:1', 1)).rejects.toThrow();
    await loggedMessages.remember('#msg-f:2', 2);
    expect(await loggedMessages.get()).toEqual({ '#msg-f:2': 2 });
  });
});
