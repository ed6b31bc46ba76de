/**
 * The panel's keyboard shortcut in Chrome (Alt+Shift+S unless the rep changed it in the browser's
 * shortcuts page): the command opens the side panel of the window it was pressed in, at once,
 * inside the command's gesture, which is the only time Chrome lets an extension open it. Firefox
 * names the same shortcut `_execute_sidebar_action` and opens its sidebar itself.
 */
import { OPEN_PANEL_COMMAND } from '../shared/panel-channel';

/** What the command needs of `chrome.sidePanel`, where the browser has it. */
export interface SidePanelApi {
  open(options: { windowId: number }): Promise<void>;
}

/** Chrome's `windows.WINDOW_ID_CURRENT`, for a command that came without its tab. */
const CURRENT_WINDOW = -2;

export function onPanelCommand(
  sidePanel: SidePanelApi | undefined,
  command: string,
  tab: { windowId?: number } | undefined,
): void {
  if (command !== OPEN_PANEL_COMMAND || !sidePanel) return;
  // Nothing to tell: a refused open leaves the rep where they were, and the command is theirs to press again.
  sidePanel.open({ windowId: tab?.windowId ?? CURRENT_WINDOW }).catch(() => undefined);
}
