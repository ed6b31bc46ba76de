/**
 * The one typed contract between the worker and everything else (content script,
 * popup, options). Only the worker holds the API key and talks to Vivre; the others
 * ask through these messages. Every message is validated in the worker with the
 * schemas in `./schemas.ts` before anything happens, and only the extension's own
 * pages and its content script on https://mail.google.com/ are answered.
 *
 * Kept free of zod on purpose: the content script imports this file, and its bundle
 * budget (≤ 25 KB gzipped) has no room for a schema library.
 */
import type { Participant } from '../people';
import type {
  Activity,
  ActivityType,
  Contact,
  Deal,
  Permission,
  Stage,
} from '../vivre/contract-types';

export type ErrorKind =
  | 'offline'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'validation'
  | 'rate_limited'
  | 'server'
  | 'unknown'
  | 'not_configured';

/** An error as the UI sees it: `message` is written for a rep, not an engineer. */
export interface RepError {
  kind: ErrorKind;
  message: string;
  /** The field the server or the validator blamed, when there is one. */
  param?: string;
}

export type LookupResult =
  | { status: 'found'; contact: Contact; fetchedAt: number; stale: boolean }
  | { status: 'not_found'; fetchedAt: number; stale: boolean }
  | { status: 'error'; error: RepError }
  /** Not looked up on purpose: the rep turned automatic lookups off, or listed this address/domain. */
  | { status: 'skipped'; reason: 'auto_lookup_off' | 'never_lookup' };

export interface ContactDetails {
  contact: Contact;
  /** null when the API does not offer the list (404 on the assumed endpoint). */
  deals: Deal[] | null;
  activities: Activity[] | null;
  fetchedAt: number;
}

/** A contact reference: a real Vivre id, or the temporary id of a contact created offline. */
export type ContactRef = string;

export type WriteRequest =
  | {
      kind: 'createContact';
      /** Chosen by the caller (e.g. `tmp_<uuid>`) so later writes can refer to it before it syncs. */
      tempId: string;
      body: { name: string; email: string; company?: string; stage?: Stage; tags?: string[] };
    }
  | {
      kind: 'updateContact';
      contactId: ContactRef;
      body: { name?: string; company?: string; stage?: Stage; tags?: string[] };
    }
  | {
      kind: 'createDeal';
      tempId: string;
      body: { contact_id: ContactRef; title: string; value?: number; stage?: Stage };
    }
  | {
      kind: 'updateDeal';
      dealId: string;
      body: { stage?: Stage; closed_at?: string | null; title?: string; value?: number };
    }
  | {
      kind: 'logActivity';
      body: { contact_id: ContactRef; deal_id?: string; type: ActivityType; note?: string };
    };

export type OutboxState = 'waiting' | 'attention' | 'synced';

export interface OutboxItemView {
  id: string;
  write: WriteRequest;
  state: OutboxState;
  createdAt: number;
  attempts: number;
  /** For 'attention': the server's reason, fit for a rep. For 'waiting': why the last try failed. */
  lastError?: RepError;
  nextAttemptAt?: number;
  /** Short human summary, e.g. "Call with Rahul Sharma". */
  summary: string;
}

export interface OutboxSummary {
  waiting: OutboxItemView[];
  attention: OutboxItemView[];
  /** Set when a 401 paused the whole outbox: every item is kept until the rep reconnects. */
  paused: RepError | null;
}

export type ConnectionState =
  'not_configured' | 'ok' | 'offline' | 'unauthorized' | 'forbidden' | 'unknown';

export interface Status {
  configured: boolean;
  connection: ConnectionState;
  workspaceId: string | null;
  workspaceName: string | null;
  /** null when not known yet (never tested, or the API cannot say). */
  permissions: Permission[] | null;
  /** Where "Open in Vivre" links go; derived from the base URL. */
  appUrl: string | null;
  waitingCount: number;
  attentionCount: number;
}

export interface SettingsView {
  workspaceId: string;
  baseUrl: string;
  /** e.g. `vv_test_demo_wr…0000`; the key itself never leaves the worker. */
  maskedKey: string | null;
  autoLookup: boolean;
  neverLookup: string[];
  /**
   * Email logging, in the answers of getSettings and saveEmailLogging (optional so other answers
   * and older fakes still fit); see lib/settings/email-logging.ts.
   */
  emailLogging?: EmailLoggingSettings;
}

export interface EmailLoggingSettings {
  /** A new compose starts with "Log to Vivre" on. Default false. */
  logEmailsByDefault: boolean;
  /** Body characters kept in the logged note after the subject. Default 500. */
  excerptLength: number;
  /** Add recipients not in Vivre as contacts first. Default false. */
  addUnknownRecipients: boolean;
}

export interface SettingsInput {
  /** Omitted: keep the saved key. */
  apiKey?: string;
  workspaceId: string;
  baseUrl: string;
}

export type TestConnectionResult =
  | { ok: true; workspaceId: string; workspaceName: string; permissions: Permission[] | null }
  | { ok: false; error: RepError };

/** An email the rep chose to log (a send, or one thread message), read from Gmail. */
export interface EmailToLog {
  /** Whom it may be logged for: a send's recipients, or a message's sender or recipients. */
  people: { email: string; name: string | null }[];
  signedInEmail?: string;
  subject: string;
  /** Plain text; only the configured excerpt length of it is kept. */
  bodyText: string;
  /** A thread message's Gmail id: such a message is logged at most once from this browser. */
  messageId?: string;
}

export interface EmailLogResult {
  /** The addresses an `email` activity was queued for. */
  loggedFor: string[];
  /** When the message was logged (now, or earlier when it already was); null if it was not. */
  loggedAt: number | null;
  /** Why nothing was logged, written for a rep. */
  reason?: string;
}

/** Worker-side answers are always either data or a RepError, never a thrown string. */
export type Answer<T> = { ok: true; value: T } | { ok: false; error: RepError };

export interface ProtocolMap {
  getStatus(): Answer<Status>;
  /** `signedInEmail` (optional): the rep's own Gmail address, so their domain joins "never look up" by default. */
  lookupContacts(data: {
    emails: string[];
    signedInEmail?: string;
    /**
     * For logging an email the rep chose to log: looks up even with automatic lookups off (the
     * never-look-up list still applies, and is also the never-log list).
     */
    forLogging?: boolean;
  }): Answer<Record<string, LookupResult>>;
  getContactDetails(data: { contactId: string }): Answer<ContactDetails>;
  searchContacts(data: { query: string }): Answer<Contact[]>;
  enqueueWrite(data: { write: WriteRequest }): Answer<{ id: string; state: OutboxState }>;
  getOutbox(): Answer<OutboxSummary>;
  retryOutboxItem(data: { id: string; write?: WriteRequest }): Answer<null>;
  discardOutboxItem(data: { id: string }): Answer<null>;
  flushOutbox(): Answer<null>;
  getSettings(): Answer<SettingsView>;
  saveSettings(data: SettingsInput): Answer<SettingsView>;
  savePrivacy(data: { autoLookup: boolean; neverLookup: string[] }): Answer<SettingsView>;
  saveEmailLogging(data: EmailLoggingSettings): Answer<SettingsView>;
  /** Logs an email for the Vivre contacts among its people (never colleagues or never-log ones). */
  logEmail(data: EmailToLog): Answer<EmailLogResult>;
  /** When each of these thread messages was logged from this browser (absent: never). */
  getLoggedEmails(data: { messageIds: string[] }): Answer<Record<string, number>>;
  testConnection(data: SettingsInput): Answer<TestConnectionResult>;
  clearContactCache(): Answer<null>;
  /** Content scripts cannot open extension pages themselves, so the card asks the worker. */
  openOptions(): Answer<null>;
}

/** Messages the worker or popup send to the Gmail content script in a tab. */
export interface ContentProtocolMap {
  /** What the open thread or compose shows, so the popup can preselect a contact. */
  getPageParticipants(): { participants: Participant[]; subject: string | null };
}
