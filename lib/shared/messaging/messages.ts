/**
 * Every message the worker answers, declared once: what it carries (a zod schema,
 * checked by the worker before anything runs), what it answers (a type), and which of
 * our contexts may send it. The messenger's `ProtocolMap`, the worker's handler types
 * and `ask()`'s types are all derived from this table, so adding a message is one
 * entry here and one handler in lib/worker/handlers.ts.
 *
 * Content script: types only (`import type`), like schemas.ts.
 */
import { z } from 'zod';
import { LOOKUP_PRIORITIES } from '../lookup-priority';
import type { InboxListPrefs } from '../inbox-list';
import type { OutboxPage } from '../storage/table';
import type { Participant } from '../people';
import type { Contact, Deal } from '../vivre/contract-types';
import type {
  ActivityPage,
  Answer,
  ContactDetails,
  EmailLoggingView,
  EmailLogResult,
  LookupResult,
  OutboxItemView,
  OutboxState,
  SettingsView,
  Status,
  TestConnectionResult,
  WriteStatus,
} from './protocol';
import {
  EmailLoggingSettingsSchema,
  EmailToLogSchema,
  InboxListPrefsSchema,
  SettingsInputSchema,
  WriteRequestSchema,
  email,
  gmailMessageId,
  outboxId,
  recordId,
  recordRef,
  text,
} from './schemas';
import { MAX_NOTE_LENGTH } from '../vivre/limits';
import {
  MAX_ACTIVITY_OFFSET,
  MAX_ACTIVITY_PAGE,
  MAX_LOOKUP_EMAILS,
  MAX_OUTBOX_PAGE,
  MAX_PENDING_DEAL_IDS,
} from './limits';

/**
 * Who sent a message (lib/worker/router.ts tells them apart): the toolbar popup, the options
 * page, the contact card (our extension page framed in a Gmail tab), the panel beside the email
 * (Chrome's side panel, Firefox's sidebar, or the same page in a tab), or our content script
 * in Gmail. Each may send only the messages it uses: least privilege, so a compromised Gmail
 * page that drives our content script or card reaches no settings and no queued notes.
 */
export type SenderKind = 'popup' | 'options' | 'card' | 'gmail' | 'panel';

const POPUP: readonly SenderKind[] = ['popup'];
const OPTIONS: readonly SenderKind[] = ['options'];
const CARD: readonly SenderKind[] = ['card'];
const PANEL: readonly SenderKind[] = ['panel'];
/**
 * The content script gets only what its chips and email logging use: lookups, the logging
 * preferences, logging (now or held through Gmail's Undo window), the logged marks, a
 * contact's open deals, and its own email-logging script in its own frame. Gmail's page can drive its inputs, so it may queue no write of its
 * choosing, read no notes and follow no write: what it logs, the worker plans.
 */
const GMAIL: readonly SenderKind[] = ['gmail'];
/** The rep's own pages that show a person and write for them: the popup, the card, the panel. */
const REP_PAGES: readonly SenderKind[] = ['popup', 'card', 'panel'];
/** The pages that lay what the outbox still holds over a contact's record. */
const OUTBOX_READERS: readonly SenderKind[] = ['popup', 'panel'];
/** Everyone who shows people: the chips, the card, the popup and the panel. */
const ALL_BUT_OPTIONS: readonly SenderKind[] = ['popup', 'card', 'gmail', 'panel'];

interface MessageSpec<Data extends z.ZodType, Value> {
  data: Data;
  from: readonly SenderKind[];
  /** Type-only: never read at run time. */
  answer?: Value;
}

/** One entry of the table: `message(schema, from).answers<Value>()`. */
function message<Data extends z.ZodType>(data: Data, from: readonly SenderKind[]) {
  return { answers: <Value>(): MessageSpec<Data, Value> => ({ data, from }) };
}

const none = z.undefined();

export const MESSAGES = {
  getStatus: message(none, REP_PAGES).answers<Status>(),
  /**
   * `signedInEmail`: the Gmail account of the tab that asks; its domain is skipped as the rep's
   * own in this lookup (each tab its own account), and shown in options' "never look up" list.
   * `forLogging`: the rep chose to log an email, so it looks up even with automatic
   * lookups off (the never-look-up list still applies, and is also the never-log list).
   */
  lookupContacts: message(
    z.strictObject({
      emails: z.array(text(320)).max(MAX_LOOKUP_EMAILS),
      signedInEmail: email.optional(),
      forLogging: z.boolean().optional(),
      /** List rows are looked up behind the open thread ('open' when absent). */
      priority: z.enum(LOOKUP_PRIORITIES).optional(),
    }),
    ALL_BUT_OPTIONS,
  ).answers<Record<string, LookupResult>>(),
  /**
   * The tab's chips for these people left the page (an inbox page Gmail replaced): their
   * lookups still waiting in the worker's queue need not be sent for this tab.
   */
  giveUpLookups: message(
    z.strictObject({ emails: z.array(text(320)).max(MAX_LOOKUP_EMAILS) }),
    GMAIL,
  ).answers<null>(),
  getContactDetails: message(
    z.strictObject({ contactId: recordId }),
    REP_PAGES,
  ).answers<ContactDetails>(),
  /**
   * The Deal menu beside "Log to Vivre" and "Log this email": the contact's open deals and
   * nothing else of it (no activities, no notes); null when this Vivre lists no deals.
   */
  getOpenDeals: message(z.strictObject({ contactId: recordId }), GMAIL).answers<Deal[] | null>(),
  searchContacts: message(
    z.strictObject({ query: z.string().trim().min(1).max(200) }),
    REP_PAGES,
  ).answers<Contact[]>(),
  /**
   * One page of a contact's activity, newest first, and how many there are: the panel's timeline
   * beyond what getContactDetails brought. Null: this Vivre does not list activities.
   */
  getActivityPage: message(
    z.strictObject({
      contactId: recordId,
      offset: z.number().int().min(0).max(MAX_ACTIVITY_OFFSET),
      limit: z.number().int().min(1).max(MAX_ACTIVITY_PAGE),
    }),
    PANEL,
  ).answers<ActivityPage | null>(),
  enqueueWrite: message(z.strictObject({ write: WriteRequestSchema }), REP_PAGES).answers<{
    id: string;
    state: OutboxState;
  }>(),
  /** Where one write stands (no content): what a card or chip needs instead of the outbox. */
  getWriteStatus: message(z.strictObject({ id: outboxId }), CARD).answers<WriteStatus | null>(),
  /** Send again now; `note` corrects the note of a stuck activity (nothing else can change). */
  retryOutboxItem: message(
    z.strictObject({ id: outboxId, note: text(MAX_NOTE_LENGTH).optional() }),
    POPUP,
  ).answers<null>(),
  discardOutboxItem: message(z.strictObject({ id: outboxId }), POPUP).answers<null>(),
  /**
   * Writes queued for another connection: the rep enters that workspace's key again and
   * they are sent over it (the key is held in the worker's memory only). Answers how many.
   */
  sendOutboxWithKey: message(
    z.strictObject({ id: outboxId, apiKey: z.string().trim().min(1).max(500) }),
    POPUP,
  ).answers<{ released: number }>(),
  flushOutbox: message(none, POPUP).answers<null>(),
  /**
   * The popup's "Show more": waiting or stuck items after seq `after` (the feed's `more`, or
   * the last page's `next`), in the order they go. The feed itself holds only the first page.
   */
  listOutboxPage: message(
    z.strictObject({
      state: z.enum(['waiting', 'attention']),
      after: z.number().int().min(0),
      limit: z.number().int().min(1).max(MAX_OUTBOX_PAGE),
    }),
    POPUP,
  ).answers<OutboxPage>(),
  /**
   * What the outbox still holds for one contact (its activities, its new deals, and updates of
   * `dealIds` and of those new deals), oldest first: the newest writes are past the feed's first
   * page, and they are the ones the rep just made.
   */
  listPendingFor: message(
    z.strictObject({
      contactId: recordRef,
      dealIds: z.array(recordId).max(MAX_PENDING_DEAL_IDS),
    }),
    OUTBOX_READERS,
  ).answers<OutboxItemView[]>(),
  getSettings: message(none, OPTIONS).answers<SettingsView>(),
  saveSettings: message(SettingsInputSchema, OPTIONS).answers<SettingsView>(),
  savePrivacy: message(
    z.strictObject({ autoLookup: z.boolean(), neverLookup: z.array(text(320)).max(1000) }),
    OPTIONS,
  ).answers<SettingsView>(),
  saveEmailLogging: message(EmailLoggingSettingsSchema, OPTIONS).answers<SettingsView>(),
  /** Every preference travels from options through the worker, its only writer, which checks it. */
  saveInboxList: message(InboxListPrefsSchema, OPTIONS).answers<InboxListPrefs>(),
  /** The web app's address for "Open in Vivre", or null for the one derived from the API's. */
  saveAppUrl: message(z.strictObject({ appUrl: z.string().max(2000).nullable() }), OPTIONS).answers<
    string | null
  >(),
  /** What email logging in Gmail needs of the settings: its three preferences, and consent. */
  getEmailLoggingPrefs: message(none, GMAIL).answers<EmailLoggingView>(),
  /** Logs an email for the Vivre contacts among its people (never colleagues or never-log ones). */
  logEmail: message(EmailToLogSchema, GMAIL).answers<EmailLogResult>(),
  /**
   * An email sent from Gmail, held until Gmail's Undo Send window has passed: logged at
   * `commitAt` (epoch ms; the worker keeps it within a minute) unless `settleEmailLog` comes
   * first. Durable: a tab closed inside the window loses nothing
   * (lib/worker/email-logging/held-sends.ts). A send is no thread message: it has no message id.
   * `scheduled`: Gmail's Schedule send, with the words of the rep's choice in Gmail's language
   * (`lang`); the worker reads the time from them (scheduled-time.ts), holds it until then and
   * answers that time (epoch ms); null for a send.
   */
  holdEmailLog: message(
    z.strictObject({
      // A Gmail draft id, or `send-<uuid>`: the same safe characters as a message id.
      sendId: gmailMessageId,
      commitAt: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
      email: EmailToLogSchema.omit({ messageId: true }),
      scheduled: z.strictObject({ words: text(300), lang: text(35) }).optional(),
    }),
    GMAIL,
  ).answers<number | null>(),
  /** The held send stood (log it now) or was undone (drop it); null: nothing held by that id. */
  settleEmailLog: message(
    z.strictObject({ sendId: gmailMessageId, outcome: z.enum(['sent', 'undone']) }),
    GMAIL,
  ).answers<EmailLogResult | null>(),
  /**
   * The email-logging controls, injected into the asking Gmail frame only, when it first shows a
   * compose or an expanded message (lib/content/email-logging/on-demand.ts).
   */
  loadEmailLogging: message(none, GMAIL).answers<null>(),
  /** When each of these thread messages was logged from this browser (absent: never). */
  getLoggedEmails: message(
    z.strictObject({ messageIds: z.array(gmailMessageId).max(500) }),
    GMAIL,
  ).answers<Record<string, number>>(),
  testConnection: message(SettingsInputSchema, OPTIONS).answers<TestConnectionResult>(),
  clearContactCache: message(none, OPTIONS).answers<null>(),
  /** Framed pages cannot open the options page themselves. */
  openOptions: message(none, CARD).answers<null>(),
};

export type MessageType = keyof typeof MESSAGES;
type Spec<K extends MessageType> = (typeof MESSAGES)[K];
/** What a sender passes. */
export type MessageData<K extends MessageType> = z.input<Spec<K>['data']>;
/** What the worker's handler receives, after the schema's trimming and defaults. */
export type HandlerData<K extends MessageType> = z.output<Spec<K>['data']>;
export type MessageValue<K extends MessageType> =
  Spec<K> extends MessageSpec<z.ZodType, infer Value> ? Value : never;

/** The messenger's map (@webext-core/messaging): one function type per message. */
export type ProtocolMap = {
  [K in MessageType]: (data: MessageData<K>) => Answer<MessageValue<K>>;
};

/** What the open thread or compose shows, so the popup can preselect a contact. */
export interface PageOnTab {
  participants: Participant[];
  subject: string | null;
  /**
   * A thread or compose Gmail shows that Vivre cannot read (Gmail changed): then the title's
   * subject and addresses are all there is. Null when the page was read, or shows neither.
   */
  unreadable: 'thread' | 'compose' | null;
}

/**
 * Messages our extension pages send to the content script in a Gmail tab (the popup asks
 * who is on the open thread). Answered in lib/content/start-in-gmail.ts. The panel follows the
 * same answer as it changes, over a port (lib/shared/panel-channel.ts).
 */
export interface ContentProtocolMap {
  getPageParticipants(): PageOnTab;
}
