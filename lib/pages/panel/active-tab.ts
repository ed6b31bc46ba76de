/**
 * Which tab the panel follows: the active tab of its window, as Chrome's side panel and Firefox's
 * sidebar sit beside it, told again each time the rep switches (tabs.onActivated) or the followed
 * tab goes away. The same page opened as an ordinary tab is the panel of its own window: it follows
 * the tab the rep was on before it, then each tab activated, never itself. No polling.
 */
import { browser } from 'wxt/browser';

interface TabLike {
  id?: number;
  active?: boolean;
  lastAccessed?: number;
}

/** The tab to follow among a window's tabs: the active one, else the last used; never `self`. */
export function tabToFollow(tabs: readonly TabLike[], self: number | undefined): number | null {
  const others = tabs.filter((tab) => tab.id !== undefined && tab.id !== self);
  const active = others.find((tab) => tab.active);
  const latest = [...others].sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  return (active ?? latest)?.id ?? null;
}

/** The panel's own tab (none in a side panel or sidebar), its window, and that window's tabs. */
export type WindowAtOpen = Promise<[{ id?: number } | undefined, { id?: number }, TabLike[]]>;

/** Read all at once, and as early as the page can (see ./services.ts): three calls, one wait. */
export function readWindow(): WindowAtOpen {
  return Promise.all([
    browser.tabs.getCurrent(),
    browser.windows.getCurrent(),
    browser.tabs.query({ currentWindow: true }),
  ]);
}

/** Calls `onTab` with the tab to follow now and each time it changes, until `signal` aborts. */
export function followActiveTab(
  signal: AbortSignal,
  onTab: (tabId: number | null) => void,
  atOpen: WindowAtOpen = readWindow(),
): void {
  let followed: number | null | undefined;
  const follow = (tabId: number | null) => {
    if (signal.aborted || tabId === followed) return;
    followed = tabId;
    onTab(tabId);
  };

  void atOpen.then(([selfTab, window, tabs]) => {
    if (signal.aborted) return;
    const self = selfTab?.id;
    const pick = async () =>
      follow(tabToFollow(await browser.tabs.query({ windowId: window.id }), self));
    const activated = ({ tabId, windowId }: { tabId: number; windowId: number }) => {
      if (windowId === window.id && tabId !== self) follow(tabId);
    };
    const gone = (tabId: number) => {
      if (tabId === followed) void pick();
    };
    browser.tabs.onActivated.addListener(activated);
    browser.tabs.onRemoved.addListener(gone);
    browser.tabs.onDetached.addListener(gone);
    signal.addEventListener(
      'abort',
      () => {
        browser.tabs.onActivated.removeListener(activated);
        browser.tabs.onRemoved.removeListener(gone);
        browser.tabs.onDetached.removeListener(gone);
      },
      { once: true },
    );
    follow(tabToFollow(tabs, self));
  });
}
