/**
 * The shapes the worker answers with (statuses, lookups, outbox views, errors written for
 * a rep) and, re-exported from schemas.ts, the shapes messages carry. Which message
 * carries and answers what is declared once, in messages.ts.
 *
 * Types only, so every runtime can import it; the content script's bundle has no room for
 * a schema library.
 */
export type { EmailLoggingSettings, EmailToLog, SettingsInput, WriteRequest } from './schemas';
import type { InboxListPrefs } from '../inbox-list';
import type { EmailLoggingSettings, WriteRequest } from './schemas';
import type { Activity, Contact, Deal, Permission } from '../vivre/contract-types';

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
  /** How many activities Vivre has for the contact, when its list says: more than `activities` may hold. */
  activitiesTotal?: number;
  fetchedAt: number;
  /**
   * Vivre could not be reached, so this is the copy kept when they were last fetched (at
   * `fetchedAt`): the card says so ("Offline — cached 3 h ago") instead of hiding them.
   */
  cached?: true;
}

/** One page of a contact's activity as Vivre lists it, newest first. */
export interface ActivityPage {
  activities: Activity[];
  /** How many activities the contact has in all. */
  total: number;
}

export type OutboxState = 'waiting' | 'attention' | 'synced';

/** Where one write stands, without its content: what chips and cards follow. */
export interface WriteStatus {
  state: OutboxState;
  /** For 'attention', or 'waiting' while the whole outbox is paused: why, for a rep. */
  error?: RepError;
}

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
  /**
   * Why it waits for the rep rather than for Vivre: made for another connection (send it with
   * that workspace's key again, or discard it), or it may already be in Vivre (check, then
   * send again or discard). Never resolved automatically.
   */
  parked?: { reason: 'connection'; workspaceId: string; baseUrl: string } | { reason: 'uncertain' };
}

/** A queued record that is damaged on disk: never sent, shown so the rep can discard it. */
export interface DamagedItemView {
  id: string;
  summary: string;
}

export interface OutboxSummary {
  waiting: OutboxItemView[];
  attention: OutboxItemView[];
  /** Set when a 401 paused the whole outbox: every item is kept until the rep reconnects. */
  paused: RepError | null;
  /** Records that could not be read; absent when there are none. */
  damaged?: DamagedItemView[];
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
   * Email logging, in the answers of getSettings and saveEmailLogging (optional: the other
   * settings answers leave it out); see lib/worker/settings/email-logging.ts.
   */
  emailLogging?: EmailLoggingSettings;
  /**
   * Whether email text may leave the browser: false in Firefox until the rep allows it (Firefox's
   * data-collection consent); always true in Chrome. Absent in answers that do not say.
   */
  emailTextAllowed?: boolean;
  /** Score chips in Gmail's list views: in the answer of getSettings. */
  inboxList?: InboxListPrefs;
  /** Where "Open in Vivre" goes, or null (derived from the API's): in the answer of getSettings. */
  appUrl?: string | null;
}

/** What email logging in Gmail reads of the settings (getEmailLoggingPrefs), and nothing more. */
export interface EmailLoggingView {
  emailLogging: EmailLoggingSettings;
  /** False in Firefox until the rep allows email text to leave (data-collection consent). */
  emailTextAllowed: boolean;
  /** Whether a key is saved: before that, Gmail shows no logging controls at all. */
  connected: boolean;
}

export type TestConnectionResult =
  | { ok: true; workspaceId: string; workspaceName: string; permissions: Permission[] | null }
  | { ok: false; error: RepError };

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
