/**
 * Opening the panel from the popup or the card: the browser's call is made at once, within the
 * rep's click (an await before it would lose the gesture), and a refusal is told, not swallowed.
 */
import { describe, expect, it, vi } from 'vitest';
import { panelOpener } from '@/lib/pages/open-panel';

describe('opening the panel', () => {
  it("opens Chrome's side panel for the current window, synchronously", async () => {
    const open = vi.fn(async () => {});
    const openPanel = panelOpener({ sidePanel: { open }, windows: { WINDOW_ID_CURRENT: -2 } });
    const opened = openPanel!();
    // Called before anything was awaited: still inside the click.
    expect(open).toHaveBeenCalledWith({ windowId: -2 });
    expect(await opened).toBe(true);
  });

  it("opens Firefox's sidebar, synchronously", async () => {
    const open = vi.fn(async () => {});
    const opened = panelOpener({ sidebarAction: { open } })!();
    expect(open).toHaveBeenCalledOnce();
    expect(await opened).toBe(true);
  });

  it('says when the browser refused', async () => {
    const refuse = async () => {
      throw new Error('sidePanel.open() may only be called in response to a user gesture.');
    };
    expect(await panelOpener({ sidePanel: { open: refuse } })!()).toBe(false);
  });

  it('has no opener where the browser offers neither (the card framed in Firefox)', () => {
    expect(panelOpener({})).toBeUndefined();
  });
});
