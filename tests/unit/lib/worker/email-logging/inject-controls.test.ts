import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import {
  EMAIL_LOGGING_SCRIPT,
  injectEmailLogging,
} from '../../../../../lib/worker/email-logging/inject-controls';

describe('injecting the email-logging controls', () => {
  const executeScript = vi.fn(async () => []);
  afterEach(() => executeScript.mockClear());
  // The fake browser has no scripting API: stand in for it, as Chrome and Firefox call it.
  Object.assign(browser, { scripting: { executeScript } });

  it('injects only into the asking tab and frame', async () => {
    const sender = { kind: 'gmail' as const, tab: { id: 7 }, frameId: 3 };
    expect(await injectEmailLogging(sender)).toBeNull();
    expect(executeScript).toHaveBeenCalledExactlyOnceWith({
      target: { tabId: 7, frameIds: [3] },
      files: [EMAIL_LOGGING_SCRIPT],
    });
  });

  it('injects into the top frame when the sender names none', async () => {
    await injectEmailLogging({ kind: 'gmail', tab: { id: 7 } });
    expect(executeScript).toHaveBeenCalledWith(
      expect.objectContaining({ target: { tabId: 7, frameIds: [0] } }),
    );
  });

  it('refuses a sender that is no Gmail tab', async () => {
    await expect(injectEmailLogging({ kind: 'gmail' })).rejects.toThrow('only to a Gmail tab');
    await expect(injectEmailLogging({ kind: 'card', tab: { id: 7 } })).rejects.toThrow();
    expect(executeScript).not.toHaveBeenCalled();
  });
});
