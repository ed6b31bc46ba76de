/**
 * What one tab shows, as its Gmail content script pushes it (lib/content/panel-feed.ts): the panel
 * connects a port to the tab and is told at once and at each change. A tab with no content script
 * of ours (another site, a Gmail tab opened before Vivre was installed) refuses the port: null, and
 * the panel offers the search. When the tab loads a page again, its new content script says hello
 * once it has started (PANEL_HELLO), and the panel connects again; the tab's "loaded" does the same
 * for a content script that started before it.
 */
import { browser } from 'wxt/browser';
import { PANEL_HELLO, PANEL_PORT, readToPanel, type PanelPage } from '../../shared/panel-channel';

type Port = ReturnType<typeof browser.tabs.connect>;

export function followTabPage(
  tabId: number,
  signal: AbortSignal,
  onPage: (page: PanelPage | null) => void,
): void {
  let port: Port | null = null;
  let saidNothing = false;

  function connect() {
    port?.disconnect();
    const opened = browser.tabs.connect(tabId, { name: PANEL_PORT });
    let answered = false;
    port = opened;
    opened.onMessage.addListener((message: unknown) => {
      const page = readToPanel(message);
      if (!page || signal.aborted) return;
      answered = true;
      saidNothing = false;
      onPage(page);
    });
    opened.onDisconnect.addListener(() => {
      // Read, so Chrome does not log the refusal as unchecked: a tab without us is no error.
      void browser.runtime.lastError;
      if (port === opened) port = null;
      // A page that answered and then went (a reload) keeps its people until the new one answers.
      if (answered || signal.aborted || saidNothing) return;
      saidNothing = true;
      onPage(null);
    });
  }

  const loaded = (updated: number, change: { status?: string }) => {
    if (updated === tabId && (change.status === 'complete' || port === null)) connect();
  };
  const hello = (greeting: Port) => {
    // Another panel that follows this page's tab (both opened as tabs): there is no Gmail here.
    if (greeting.name === PANEL_PORT) return greeting.disconnect();
    if (greeting.name !== PANEL_HELLO || greeting.sender?.id !== browser.runtime.id) return;
    const from = greeting.sender.tab?.id;
    greeting.disconnect();
    if (from === tabId) connect();
  };
  browser.tabs.onUpdated.addListener(loaded);
  browser.runtime.onConnect.addListener(hello);
  signal.addEventListener(
    'abort',
    () => {
      browser.tabs.onUpdated.removeListener(loaded);
      browser.runtime.onConnect.removeListener(hello);
      port?.disconnect();
      port = null;
    },
    { once: true },
  );
  connect();
}
