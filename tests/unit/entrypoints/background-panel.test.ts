/**
 * The worker listens for Chrome's panel shortcut from its first turn (MV3 wakes it for the
 * command only then), and opens the side panel of the window the keys were pressed in.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import background from '@/entrypoints/background';
import { OPEN_PANEL_COMMAND } from '@/lib/shared/panel-channel';
import { settle } from '../lib/worker/harness';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  delete (fakeBrowser as { sidePanel?: unknown }).sidePanel;
});

describe('the panel shortcut in the background', () => {
  it('registers in the first turn and opens the side panel of the pressed window', async () => {
    fakeBrowser.reset();
    vi.stubGlobal('indexedDB', new IDBFactory());
    const open = vi.fn(async () => {});
    (fakeBrowser as { sidePanel?: unknown }).sidePanel = { open };
    let onCommand: ((command: string, tab?: { windowId: number }) => void) | undefined;
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((listener) => {
      onCommand = listener as typeof onCommand;
    });
    background.main();
    expect(onCommand).toBeDefined();
    onCommand!(OPEN_PANEL_COMMAND, { windowId: 4 });
    expect(open).toHaveBeenCalledWith({ windowId: 4 });
    await settle();
  });
});
