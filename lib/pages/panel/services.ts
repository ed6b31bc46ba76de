/**
 * The panel's I/O: the worker (as the `panel` sender, lib/worker/router.ts), the tab it follows and
 * what that tab shows, the outbox and connection the worker publishes, and its writes through the
 * outbox, followed as the card follows its own (../card/send-write.ts).
 */
import { browser } from 'wxt/browser';
import type { FollowedTab, PanelServices } from '../../../components/panel/services-type';
import { ask } from '../../shared/messaging/messenger';
import { follow, onVivreAnswering, rawItem } from '../../shared/storage/follow';
import { followFeed } from '../../shared/storage/steady-feed';
import { CONNECTION, OUTBOX_FEED } from '../../shared/storage/table';
import { sendWrite } from '../card/send-write';
import { followActiveTab, readWindow } from './active-tab';
import { PANEL_MARKS } from './marks';
import { followTabPage } from './tab-page';

/**
 * Which window the panel is in and its tabs, asked as this module loads (the page's first script),
 * so the answer is back by the time the panel has rendered and starts following.
 */
let windowAtOpen: ReturnType<typeof readWindow> | null = readWindow();

function followTab(signal: AbortSignal, onTab: (tab: FollowedTab) => void): void {
  let following: AbortController | null = null;
  const atOpen = windowAtOpen ?? readWindow();
  windowAtOpen = null;
  followActiveTab(
    signal,
    (tabId) => {
      following?.abort();
      if (tabId === null) return onTab({ tabId, page: null });
      const current = new AbortController();
      following = current;
      signal.addEventListener('abort', () => current.abort(), { once: true });
      followTabPage(tabId, current.signal, (page) => onTab({ tabId, page }));
    },
    atOpen,
  );
}

/** The toolbar popup lists the outbox; where the browser will not open it from here, a tab does. */
function openOutbox(): void {
  const action = (browser as unknown as { action?: { openPopup?: () => Promise<void> } }).action;
  const inTab = () => void browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
  if (typeof action?.openPopup !== 'function') return inTab();
  action.openPopup().catch(inTab);
}

export const panelServices: PanelServices = {
  ask,
  sendWrite: (write, onProgress, signal) => sendWrite(ask, write, onProgress, signal),
  onReconnect(signal, callback) {
    addEventListener('online', callback, { signal });
    onVivreAnswering(signal, callback);
  },
  followTab,
  followOutbox: (signal, onFeed) => followFeed(rawItem(OUTBOX_FEED), signal, onFeed),
  followConnection: (signal, onRecord) => follow(rawItem(CONNECTION), signal, onRecord),
  openOptions: () => void browser.runtime.openOptionsPage(),
  openOutbox,
  mark: (moment) => performance.mark(PANEL_MARKS[moment]),
};
