/**
 * Every item the extension keeps in storage.local and storage.session, declared once:
 * its key, its version, its default, who writes it and who reads it. The API key is not
 * here: it lives in the worker's IndexedDB (lib/worker/settings/secret-store.ts), which
 * content scripts cannot open. IndexedDB stores are typed in lib/worker (outbox, contact
 * cache, secret store).
 *
 * storage.session is readable by extension pages and the worker only; storage.local also
 * by content scripts, so only the write states (ids and states, no content) are meant for
 * them: they read those through ./write-states.ts, and ESLint keeps this module out of the
 * content script.
 */
import { storage } from 'wxt/utils/storage';
import type { EmailToLog } from './messaging/protocol';
import {
  DEFAULT_EMAIL_LOGGING,
  DEFAULT_PRIVACY,
  type EmailLoggingPrefs,
  type PrivacyPrefs,
} from './settings';
import { WRITE_STATES_KEY, type WriteStates } from './write-states';
import { DEFAULT_INBOX_LIST, INBOX_LIST_KEY, type InboxListPrefs } from './inbox-list';
import {
  AT_OPEN,
  type ConnectionRecord,
  type Draft,
  type OutboxFeed,
  type PickedContact,
} from './storage-at-open';

export type { ConnectionRecord, Draft, OutboxFeed, PickedContact } from './storage-at-open';

export type { WriteStatus } from './write-states';

/** Worker writes and reads: who is looked up (the options page changes it through messages). */
export const privacyItem = storage.defineItem<PrivacyPrefs>('local:privacy', {
  fallback: DEFAULT_PRIVACY,
  version: 1,
});

/** Worker writes and reads: email-logging preferences (options change them through messages). */
export const emailLoggingItem = storage.defineItem<EmailLoggingPrefs>('local:email-logging', {
  fallback: DEFAULT_EMAIL_LOGGING,
  version: 1,
});

/**
 * The options page writes: score chips in Gmail's list views and the hot-lead threshold. The
 * content script reads them through ./inbox-list.ts.
 */
export const inboxListItem = storage.defineItem<InboxListPrefs>(`local:${INBOX_LIST_KEY}`, {
  fallback: DEFAULT_INBOX_LIST,
  version: 1,
});

/**
 * Worker writes and reads: thread messages already logged from this browser, Gmail message
 * id → when. Ids and times only, never content, so "Logged ✓" survives reloads.
 */
export const loggedMessagesItem = storage.defineItem<Record<string, number>>(
  'local:logged-messages',
  { fallback: {}, version: 1 },
);

/**
 * Worker writes and reads: emails sent from Gmail and held through Gmail's Undo Send window
 * (send id → the email and when it is logged unless settled first), so a tab closed inside the
 * window loses nothing (lib/worker/email-logging/held-sends.ts). Each leaves within seconds.
 */
export const heldEmailLogsItem = storage.defineItem<
  Record<string, { email: EmailToLog; commitAt: number }>
>('local:held-email-logs', { fallback: {}, version: 1 });

/**
 * Worker writes and reads: the outcome of the last request and what GET /v1/me said, so
 * the popup's status survives the worker being stopped, but not the browser session.
 */
export const connectionItem = storage.defineItem<ConnectionRecord>(AT_OPEN.connection.key, {
  fallback: AT_OPEN.connection.fallback,
  version: 1,
});

/** Popup writes and reads: the draft survives the popup closing, not the browser session. */
export const popupDraftItem = storage.defineItem<Draft | null>(AT_OPEN.draft.key, {
  fallback: AT_OPEN.draft.fallback,
  version: 1,
});

export const RECENT_LIMIT = 5;

/** Popup writes and reads: the contacts the rep logged for last, most recent first. */
export const recentContactsItem = storage.defineItem<PickedContact[]>(AT_OPEN.recent.key, {
  fallback: AT_OPEN.recent.fallback,
  version: 1,
});

/**
 * Popup writes and reads: the name of each contact the rep logged for from the popup, by id,
 * so its outbox list names the person even after they left the recent contacts.
 */
export const contactNamesItem = storage.defineItem<Record<string, string>>(AT_OPEN.names.key, {
  fallback: AT_OPEN.names.fallback,
  version: 1,
});

/**
 * Options writes, worker reads: where "Open in Vivre" links go (the Vivre web app's address,
 * no trailing slash), or null for the address derived from the API's (lib/worker/status.ts).
 */
export const appUrlItem = storage.defineItem<string | null>('local:app-url', {
  fallback: null,
  version: 1,
});

/** Worker writes after every outbox change; extension pages follow it (notes included). */
export const outboxFeedItem = storage.defineItem<OutboxFeed | null>(AT_OPEN.outbox.key, {
  fallback: AT_OPEN.outbox.fallback,
  version: 1,
});

/**
 * Worker writes after every outbox change: the state of each waiting, stuck and recently
 * synced write by outbox id, and nothing else. The content script follows the writes it
 * made here ("Saved — will sync" → "Synced") without reading any queued note.
 */
export const writeStatesItem = storage.defineItem<WriteStates>(`local:${WRITE_STATES_KEY}`, {
  fallback: {},
  version: 1,
});

/**
 * Calls `callback` with the item's value now, then with each new value, until `signal`
 * aborts. A first read that comes back after a change was already seen is dropped: it
 * would be older than what the callback has.
 */
export function follow<T>(
  item: { getValue(): Promise<T>; watch(cb: (value: T) => void): () => void },
  signal: AbortSignal,
  callback: (value: T) => void,
): void {
  if (signal.aborted) return;
  let changed = false;
  const unwatch = item.watch((value) => {
    changed = true;
    if (!signal.aborted) callback(value);
  });
  signal.addEventListener('abort', unwatch, { once: true });
  void item.getValue().then((value) => {
    if (!changed && !signal.aborted) callback(value);
  });
}
