import { browser } from 'wxt/browser';
import { NO_PAGE, type PageOnTab, type PopupServices } from './services-type';
import { ask } from '../../shared/messaging/messenger';
import { contentMessenger } from '../../shared/messaging/messenger';
import {
  connectionItem,
  follow,
  outboxFeedItem,
  popupDraftItem as draftItem,
} from '../../shared/storage';
import { followWrite } from '../../shared/write-status';
import { loadLocal, localIfRead } from './local-at-open';
import { rememberContact } from './storage';

async function getPage(): Promise<PageOnTab> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    // Without the "tabs" permission `url` may be absent; then just try, and a tab
    // without our content script answers with an error we fall back from.
    if (tab?.id === undefined || (tab.url && !tab.url.startsWith('https://mail.google.com/'))) {
      return NO_PAGE;
    }
    const page = await contentMessenger.sendMessage('getPageParticipants', undefined, tab.id);
    // A content script from before an update answers without `unreadable`.
    return { ...NO_PAGE, ...page };
  } catch {
    return NO_PAGE;
  }
}

export const popupServices: PopupServices = {
  ask,
  getPage,
  loadLocal,
  localIfRead,
  draft: {
    save: (draft) => draftItem.setValue(draft),
    clear: () => draftItem.removeValue(),
  },
  rememberContact,
  followOutbox: (signal, onFeed) => follow(outboxFeedItem, signal, onFeed),
  followConnection: (signal, onRecord) => follow(connectionItem, signal, onRecord),
  followWrite,
  onOnline(signal, callback) {
    addEventListener('online', callback, { signal });
  },
  openOptions: () => void browser.runtime.openOptionsPage(),
  markInteractive: () => performance.mark('vivre-popup-interactive'),
};
