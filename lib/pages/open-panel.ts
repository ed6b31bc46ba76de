/**
 * Opening the panel beside the email from a page the rep clicked in (the popup, the card). The
 * browsers open it only in answer to a gesture, so the call is made at once, with nothing awaited
 * before it: an await in between loses the gesture. Chrome: `sidePanel.open` for the current
 * window, the one global panel, which stays open as the rep moves between that window's tabs.
 * Firefox: `sidebarAction.open`, the current window's sidebar, which Firefox keeps open across
 * tabs and restores with the window. Neither: no opener (Firefox gives the framed card only a
 * content script's APIs; the rep has the shortcut there).
 */

/** What opening needs of `browser` (or `chrome`), where the browser has it. */
export interface PanelApis {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
  windows?: { WINDOW_ID_CURRENT: number };
}

/** Chrome's `windows.WINDOW_ID_CURRENT`: the window of the page that asks. */
const CURRENT_WINDOW = -2;

/** Opens the panel; resolves false when the browser would not (no gesture, no panel). */
export type OpenPanel = () => Promise<boolean>;

export function panelOpener(api: PanelApis): OpenPanel | undefined {
  const { sidePanel, sidebarAction } = api;
  const opened = (open: Promise<void>) =>
    open.then(
      () => true,
      () => false,
    );
  if (typeof sidePanel?.open === 'function') {
    const windowId = api.windows?.WINDOW_ID_CURRENT ?? CURRENT_WINDOW;
    return () => opened(sidePanel.open({ windowId }));
  }
  if (typeof sidebarAction?.open === 'function') return () => opened(sidebarAction.open());
  return undefined;
}
