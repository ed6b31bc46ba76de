import { browser } from 'wxt/browser';
import type { LocalState, PopupServices } from './services-type';
import { ask } from '../../shared/messaging/messenger';
import { contentMessenger } from '../../shared/messaging/messenger';
import {
  connectionItem,
  contactNamesItem,
  follow,
  outboxFeedItem,
  popupDraftItem as draftItem,
  recentContactsItem,
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

async function loadLocal(): Promise<LocalState> {
  const [draft, recent, outbox, connection, names] = await Promise.all([
    draftItem.getValue(),
    recentContactsItem.getValue(),
    outboxFeedItem.getValue(),
    connectionItem.getValue(),
    contactNamesItem.getValue(),
  ]);
  return { draft, recent, outbox, connection, names };
}

export const popupServices: PopupServices = {
  ask,
  getPageParticipants,
  loadLocal,
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
