/**
 * The popup's I/O that waits until its form is usable: messaging the worker and the Gmail tab,
 * and the storage items it writes and follows. Loaded by ./services.ts on first use, so none of
 * it (the storage library, which reads every defined item as its module loads, and the
 * messenger) is in the script that stands between a click on the toolbar and a form the rep
 * can type in.
 */
import { browser } from 'wxt/browser';
import { NO_PAGE, type PageOnTab } from '../../../components/popup/services-type';
import { contentMessenger } from '../../shared/messaging/messenger';
import {
  connectionItem,
  outboxFeedItem,
  popupDraftItem as draftItem,
} from '../../shared/storage/items';
import { follow } from '../../shared/storage/follow';
import { followFeed } from '../../shared/storage/steady-feed';
import { type ConnectionRecord, type Draft, type OutboxFeed } from '../../shared/storage/table';

export { ask } from '../../shared/messaging/messenger';
export { followWrite } from '../../shared/write-status';
export { rememberContact } from './storage';

export async function getPage(): Promise<PageOnTab> {
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

export const draft = {
  save: (value: Draft) => draftItem.setValue(value),
  clear: () => draftItem.removeValue(),
};

export function followOutbox(signal: AbortSignal, onFeed: (feed: OutboxFeed | null) => void) {
  followFeed(outboxFeedItem, signal, onFeed);
}

export function followConnection(
  signal: AbortSignal,
  onRecord: (record: ConnectionRecord) => void,
) {
  follow(connectionItem, signal, onRecord);
}
