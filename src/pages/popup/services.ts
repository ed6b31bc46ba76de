import { browser } from 'wxt/browser';
import type { PopupServices } from './services-type';
import { ask } from '../../shared/messaging/messenger';
import { contentMessenger } from '../../shared/messaging/messenger';
import {
  connectionItem,
  follow,
  outboxFeedItem,
  popupDraftItem as draftItem,
  readPopupStart,
} from '../../shared/storage';
import { followWrite } from '../../shared/write-status';
import { rememberContact } from './storage';

async function getPageParticipants() {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    // Without the "tabs" permission `url` may be absent; then just try, and a tab
    // without our content script answers with an error we fall back from.
    if (tab?.id === undefined || (tab.url && !tab.url.startsWith('https://mail.google.com/'))) {
      return [];
    }
    const page = await contentMessenger.sendMessage('getPageParticipants', undefined, tab.id);
    return page.participants;
  } catch {
    return [];
  }
}

export const popupServices: PopupServices = {
  ask,
  getPageParticipants,
  loadLocal: readPopupStart,
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
