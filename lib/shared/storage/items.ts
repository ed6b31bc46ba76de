/**
 * The storage library's items (@wxt-dev/storage: versions, migrations, typed values), one per
 * entry of ./table.ts, for the worker and the extension pages. The Gmail content script never
 * loads this module (ESLint keeps it out): it reads its two entries through ./follow.ts.
 */
import { storage } from 'wxt/utils/storage';
import {
  APP_URL,
  CONNECTION,
  CONTACT_NAMES,
  EMAIL_LOGGING,
  HELD_EMAIL_LOGS,
  INBOX_LIST,
  LOGGED_MESSAGES,
  OUTBOX_FEED,
  POPUP_DRAFT,
  PRIVACY,
  RECENT_CONTACTS,
  WRITE_STATES,
  type StorageEntry,
} from './table';

function itemFor<T>({ key, fallback, version }: StorageEntry<T>) {
  return storage.defineItem<T>(key, { fallback, version });
}

export const privacyItem = itemFor(PRIVACY);
export const emailLoggingItem = itemFor(EMAIL_LOGGING);
export const inboxListItem = itemFor(INBOX_LIST);
export const loggedMessagesItem = itemFor(LOGGED_MESSAGES);
export const heldEmailLogsItem = itemFor(HELD_EMAIL_LOGS);
export const connectionItem = itemFor(CONNECTION);
export const popupDraftItem = itemFor(POPUP_DRAFT);
export const recentContactsItem = itemFor(RECENT_CONTACTS);
export const contactNamesItem = itemFor(CONTACT_NAMES);
export const appUrlItem = itemFor(APP_URL);
export const outboxFeedItem = itemFor(OUTBOX_FEED);
export const writeStatesItem = itemFor(WRITE_STATES);
