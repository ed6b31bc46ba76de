/**
 * Every item the extension keeps in storage.local, storage.session and the worker's own
 * IndexedDB, declared once: its key (`area:key`, as @wxt-dev/storage names items), the value a
 * missing item reads as, its version, who writes it and who reads it. ./items.ts defines the
 * storage library's items for the browser's areas; the content script and the popup's first read
 * use them through ./follow.ts without that library; lib/worker/storage/ keeps the worker's area.
 *
 * Each entry is a plain constant, so a bundle keeps only the entries it uses (the Gmail content
 * script keeps three). The API key is not here: it lives in the worker's IndexedDB
 * (lib/worker/settings/secret-store.ts), which content scripts cannot open; the other IndexedDB
 * stores are typed beside their code in lib/worker (outbox, contact cache).
 *
 * Where an item lives is decided by who may write it. storage.session is readable and writable
 * by extension pages and the worker only. storage.local is writable by content scripts too, and
 * Gmail's page can drive ours: there live only what a content script reads and nothing the
 * worker decides by (write states: ids and states; the list-view preferences; the popup's
 * recent contacts). Everything that decides what is looked up, logged or sent lives in the
 * `worker` area, the worker's IndexedDB, which no content script can open.
 */
import type { CallDetailsValues } from '../forms/call-details';
import { DEFAULT_INBOX_LIST, type InboxListPrefs } from '../inbox-list';
import type {
  ConnectionState,
  OutboxItemView,
  OutboxSummary,
  WriteStatus,
} from '../messaging/protocol';
import {
  DEFAULT_EMAIL_LOGGING,
  DEFAULT_PRIVACY,
  type EmailLoggingPrefs,
  type PrivacyPrefs,
} from '../settings';
import type { ActivityType, Contact, Me } from '../vivre/contract-types';

/** The browser's storage areas. */
export type BrowserArea = 'local' | 'session';
/** `worker`: the worker's own IndexedDB (lib/worker/storage/), out of every content script's reach. */
export type Area = BrowserArea | 'worker';
/** Who may touch an item: the worker, an extension page, or the Gmail content script. */
export type Party = 'worker' | 'popup' | 'options' | 'card' | 'panel' | 'gmail';

export interface StorageEntry<T> {
  key: `${Area}:${string}`;
  fallback: T;
  version: number;
  writer: Party;
  readers: readonly Party[];
  /** Where an earlier version kept it (storage.local): the worker adopts it once, then removes it. */
  movedFrom?: `local:${string}`;
}

/** An item of the browser's storage areas, which ./items.ts and ./follow.ts read. */
export type BrowserEntry<T> = StorageEntry<T> & { key: `${BrowserArea}:${string}` };

export interface ConnectionRecord {
  state: ConnectionState;
  me: Me | null;
}

/** What the popup keeps of a contact: enough to log against it and to show it. */
export type PickedContact = Pick<Contact, 'id' | 'name' | 'email'> & { company?: string | null };

/** A half-written log, so closing the popup loses nothing. */
export interface Draft {
  contact: PickedContact | null;
  type: ActivityType;
  note: string;
  /** A call's length and outcome as typed (absent in drafts from before they existed). */
  call?: CallDetailsValues;
}

/**
 * The outbox as the popup lists it: how many items wait and need attention, the first page of
 * each (`waiting`, `attention`; the rest through the listOutboxPage message), and the last few
 * items that reached Vivre, newest first. Bounded whatever the outbox holds (lib/worker/outbox/pages.ts).
 */
export type OutboxFeed = OutboxSummary & {
  synced: OutboxItemView[];
  counts: { waiting: number; attention: number };
  /** Where each list's next page starts (listOutboxPage's `after`); null when this is all of it. */
  more: { waiting: number | null; attention: number | null };
};

/** One page of waiting or stuck items, in the order they go, and where the next one starts. */
export interface OutboxPage {
  items: OutboxItemView[];
  next: number | null;
}

/** Where the newest writes stand, by outbox id (no content); absent: no news; null: discarded. */
export type WriteStates = Record<string, WriteStatus | null>;

/** Who is looked up (the options page changes it through the worker). */
export const PRIVACY = {
  key: 'worker:privacy',
  fallback: DEFAULT_PRIVACY,
  version: 1,
  writer: 'worker',
  readers: ['worker'],
  movedFrom: 'local:privacy',
} satisfies StorageEntry<PrivacyPrefs>;

/** Email-logging preferences (the options page changes them through the worker). */
export const EMAIL_LOGGING = {
  key: 'worker:email-logging',
  fallback: DEFAULT_EMAIL_LOGGING,
  version: 1,
  writer: 'worker',
  readers: ['worker'],
  movedFrom: 'local:email-logging',
} satisfies StorageEntry<EmailLoggingPrefs>;

/** Score chips in Gmail's list views and the hot-lead threshold (set in options, via the worker). */
export const INBOX_LIST = {
  key: 'local:inbox-list',
  fallback: DEFAULT_INBOX_LIST,
  version: 1,
  writer: 'worker',
  readers: ['options', 'gmail'],
} satisfies BrowserEntry<InboxListPrefs>;

/**
 * Thread messages already logged from this browser, Gmail message id → when: no content. A
 * message marked here is never logged again, so a content script must not be able to mark one.
 */
export const LOGGED_MESSAGES = {
  key: 'worker:logged-messages',
  fallback: {} as Record<string, number>,
  version: 1,
  writer: 'worker',
  readers: ['worker'],
  movedFrom: 'local:logged-messages',
} satisfies StorageEntry<Record<string, number>>;

/**
 * Emails sent from Gmail and held through its Undo Send window: send id → the writes planned for
 * it (subjects and excerpts in their notes, names of contacts to add), the workspace they were
 * planned in and when they are queued unless settled first, so a tab closed inside the window
 * loses nothing. Each leaves within a minute. Its value is typed where it is kept
 * (lib/worker/email-logging/held-sends.ts): the worker alone reads it.
 */
export const HELD_EMAIL_LOGS = {
  key: 'worker:held-email-logs',
  fallback: {},
  version: 2,
  writer: 'worker',
  readers: ['worker'],
  movedFrom: 'local:held-email-logs',
} satisfies StorageEntry<object>;

/** The outcome of the last request and what GET /v1/me said: survives the worker, not the session. */
export const CONNECTION = {
  key: 'session:connection',
  fallback: { state: 'unknown', me: null } as ConnectionRecord,
  version: 1,
  writer: 'worker',
  readers: ['popup', 'card', 'panel'],
} satisfies BrowserEntry<ConnectionRecord>;

/** The popup's half-written log: survives the popup closing, not the browser session. */
export const POPUP_DRAFT = {
  key: 'session:popup-draft',
  fallback: null as Draft | null,
  version: 1,
  writer: 'popup',
  readers: ['popup'],
} satisfies BrowserEntry<Draft | null>;

/** How many recent contacts the popup offers. */
export const RECENT_LIMIT = 5;

/** The contacts the rep logged for last from the popup, most recent first. */
export const RECENT_CONTACTS = {
  key: 'local:recent-contacts',
  fallback: [] as PickedContact[],
  version: 1,
  writer: 'popup',
  readers: ['popup'],
} satisfies BrowserEntry<PickedContact[]>;

/** The name of each contact the rep logged for from the popup, by id, for its outbox list. */
export const CONTACT_NAMES = {
  key: 'local:popup-contact-names',
  fallback: {} as Record<string, string>,
  version: 1,
  writer: 'popup',
  readers: ['popup'],
} satisfies BrowserEntry<Record<string, string>>;

/**
 * Where "Open in Vivre" goes (the web app's address), or null: derived from the API's. Every card
 * links there, so a content script must not be able to point it elsewhere.
 */
export const APP_URL = {
  key: 'worker:app-url',
  fallback: null as string | null,
  version: 1,
  writer: 'worker',
  readers: ['worker'],
  movedFrom: 'local:app-url',
} satisfies StorageEntry<string | null>;

/**
 * The organisation's value of each setting its policy sets (lib/worker/settings/managed.ts), as
 * last applied: an unlocked one is applied again only when the organisation changes it, so a
 * rep's own choice stands until then.
 */
export const MANAGED_APPLIED = {
  key: 'worker:managed-applied',
  fallback: {} as Record<string, unknown>,
  version: 1,
  writer: 'worker',
  readers: ['worker'],
} satisfies StorageEntry<Record<string, unknown>>;

/** The outbox's counts and first pages, notes included: written after every outbox change. */
export const OUTBOX_FEED = {
  key: 'session:outbox',
  fallback: null as OutboxFeed | null,
  version: 1,
  writer: 'worker',
  // The panel shows what waits for the contact it shows, and how many writes need the rep.
  readers: ['popup', 'panel'],
} satisfies BrowserEntry<OutboxFeed | null>;

/** The state of the newest waiting, stuck and synced writes, and nothing else. */
export const WRITE_STATES = {
  key: 'local:write-states',
  fallback: {} as WriteStates,
  version: 1,
  writer: 'worker',
  readers: ['popup', 'card', 'panel', 'gmail'],
} satisfies BrowserEntry<WriteStates>;

/**
 * What a chip shows of a person, by lower-cased email: name and AI score when in Vivre, or
 * `{ fetchedAt }` alone when not ("+ Add"). A new Gmail tab draws chips from it before the worker
 * answers (lib/worker/lookups/mirror.ts writes it, lib/content/lookups/mirror.ts reads it).
 */
export interface MirroredPerson {
  name?: string;
  score?: number;
  fetchedAt: number;
}

export type ChipMirror = Record<string, MirroredPerson>;

/** People the chip mirror holds, the least recently looked up going first (about 35 kB full). */
export const MAX_MIRRORED_PEOPLE = 500;

/**
 * The chip mirror: in storage.local because content scripts can read it at start (storage.session
 * would have to be opened to them whole, the outbox's notes with it) and Firefox offers it too.
 * Holds no more than chips show, only while automatic lookups are on, never a never-look-up
 * address; emptied with the contact cache (new connection settings, "Clear cached contacts"),
 * when Vivre refuses the key and when data consent is withdrawn. The worker decides nothing by it.
 */
export const CHIP_MIRROR = {
  key: 'local:chip-mirror',
  fallback: {} as ChipMirror,
  version: 1,
  writer: 'worker',
  readers: ['gmail'],
} satisfies BrowserEntry<ChipMirror>;

/** The whole table, for the tests that hold docs and code to it. */
export const STORAGE = {
  PRIVACY,
  EMAIL_LOGGING,
  INBOX_LIST,
  LOGGED_MESSAGES,
  HELD_EMAIL_LOGS,
  CONNECTION,
  POPUP_DRAFT,
  RECENT_CONTACTS,
  CONTACT_NAMES,
  APP_URL,
  MANAGED_APPLIED,
  OUTBOX_FEED,
  WRITE_STATES,
  CHIP_MIRROR,
};

/** What the popup shows before it asks the worker anything, read in one call per area. */
export const AT_OPEN = {
  draft: POPUP_DRAFT,
  recent: RECENT_CONTACTS,
  outbox: OUTBOX_FEED,
  connection: CONNECTION,
  names: CONTACT_NAMES,
};

export type PopupStart = { [name in keyof typeof AT_OPEN]: (typeof AT_OPEN)[name]['fallback'] };

/** `session:connection` → ['session', 'connection']: the storage area and the key in it. */
export function areaAndKey<A extends Area>(itemKey: `${A}:${string}`): [A, string] {
  return itemKey.split(/:(.*)/s) as [A, string];
}
