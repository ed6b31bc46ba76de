/**
 * Chrome's panel shortcut: the worker opens the side panel of the window the keys were pressed in,
 * at once (the gesture lasts only that long), and does nothing for other commands.
 */
import { describe, expect, it, vi } from 'vitest';
import { onPanelCommand } from '@/lib/worker/panel-command';
import { OPEN_PANEL_COMMAND } from '@/lib/shared/panel-channel';

describe('the panel shortcut in Chrome', () => {
  it("opens the side panel in the tab's window, synchronously", () => {
    const open = vi.fn(async () => {});
    onPanelCommand({ open }, OPEN_PANEL_COMMAND, { windowId: 7 });
    expect(open).toHaveBeenCalledWith({ windowId: 7 });
  });

  it('opens it in the current window when the command came without its tab', () => {
    const open = vi.fn(async () => {});
    onPanelCommand({ open }, OPEN_PANEL_COMMAND, undefined);
    expect(open).toHaveBeenCalledWith({ windowId: -2 });
  });

  it('leaves other commands alone, and browsers without a side panel', () => {
    const open = vi.fn(async () => {});
    onPanelCommand({ open }, '_execute_action', { windowId: 7 });
    expect(open).not.toHaveBeenCalled();
    expect(() => onPanelCommand(undefined, OPEN_PANEL_COMMAND, { windowId: 7 })).not.toThrow();
  });
});
