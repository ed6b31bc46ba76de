/**
 * "Logged ✓" is remembered in storage.local by reading the list, adding one id and writing it
 * back. Two messages logged at the same moment (two tabs, or two clicks in one thread) must
 * both be remembered: a second update that read the list before the first wrote it would
 * otherwise write the first one away, and that message could be logged twice.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { loggedMessages } from '@/lib/worker/email-logging/logged-messages';

beforeEach(() => fakeBrowser.reset());

describe('the logged-messages list', () => {
  it('keeps every one of many updates made at the same moment', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `#msg-f:${1000 + i}`);
    await Promise.all(ids.map((id, i) => loggedMessages.remember(id, 1_700_000_000_000 + i)));
    expect(Object.keys(await loggedMessages.get()).sort()).toEqual([...ids].sort());
  });

  it('goes on remembering after an update failed', async () => {
    const setItem = fakeBrowser.storage.local.set;
    let fail = true;
    fakeBrowser.storage.local.set = async (items) => {
      if (fail) {
        fail = false;
        throw new Error('QuotaExceededError');
      }
      return setItem(items);
    };
    await expect(loggedMessages.remember('#msg-f:1', 1)).rejects.toThrow();
    await loggedMessages.remember('#msg-f:2', 2);
    expect(await loggedMessages.get()).toEqual({ '#msg-f:2': 2 });
    fakeBrowser.storage.local.set = setItem;
  });
});
