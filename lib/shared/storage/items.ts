/**
 * The storage library's items (@wxt-dev/storage: versions, migrations, typed values), one per
 * entry of ./table.ts in the browser's areas, for the worker and the extension pages. The Gmail
 * content script never loads this module (ESLint keeps it out): it reads its two entries through
 * ./follow.ts. The worker's own area has its items in lib/worker/storage/.
 */
import { storage } from 'wxt/utils/storage';
import {
  CONNECTION,
  CONTACT_NAMES,
  INBOX_LIST,
  OUTBOX_FEED,
  POPUP_DRAFT,
  RECENT_CONTACTS,
  WRITE_STATES,
  type BrowserEntry,
} from './table';

function itemFor<T>({ key, fallback, version }: BrowserEntry<T>) {
  return storage.defineItem<T>(key, { fallback, version });
}

export const inboxListItem = itemFor(INBOX_LIST);
export const connectionItem = itemFor(CONNECTION);
export const popupDraftItem = itemFor(POPUP_DRAFT);
export const recentContactsItem = itemFor(RECENT_CONTACTS);
export const contactNamesItem = itemFor(CONTACT_NAMES);
export const outboxFeedItem = itemFor(OUTBOX_FEED);
export const writeStatesItem = itemFor(WRITE_STATES);
