/**
 * Every message the worker answers, declared once: what it carries (a zod schema,
 * checked by the worker before anything runs), what it answers (a type), and which of
 * our contexts may send it. The messenger's `ProtocolMap`, the worker's handler types
 * and `ask()`'s types are all derived from this table, so adding a message is one
 * entry here and one handler in src/worker/handlers.ts.
 *
 * Content script: types only (`import type`), like schemas.ts.
 */
import { z } from 'zod';
import { LOOKUP_PRIORITIES } from '../lookup-priority';
import type { Participant } from '../people';
import type { Contact } from '../vivre/contract-types';
import type {
  Answer,
  ContactDetails,
  EmailLogResult,
  LookupResult,
  OutboxState,
  OutboxSummary,
  SettingsView,
  Status,
  TestConnectionResult,
} from './protocol';
import {
  EmailLoggingSettingsSchema,
  EmailToLogSchema,
  SettingsInputSchema,
  WriteRequestSchema,
  email,
  id,
  text,
} from './schemas';

/** Who sent a message: one of our extension pages, or our content script in Gmail. */
export type SenderKind = 'page' | 'gmail';

const PAGES: readonly SenderKind[] = ['page'];
const PAGES_AND_GMAIL: readonly SenderKind[] = ['page', 'gmail'];

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
  getStatus: message(none, PAGES_AND_GMAIL).answers<Status>(),
  /**
   * `signedInEmail`: the rep's own Gmail address, so their domain joins "never look up" by
   * default. `forLogging`: the rep chose to log an email, so it looks up even with automatic
   * lookups off (the never-look-up list still applies, and is also the never-log list).
   */
  lookupContacts: message(
    z.strictObject({
      emails: z.array(text(320)).max(200),
      signedInEmail: email.optional(),
      forLogging: z.boolean().optional(),
      /** List rows are looked up behind the open thread ('open' when absent). */
      priority: z.enum(LOOKUP_PRIORITIES).optional(),
    }),
    PAGES_AND_GMAIL,
  ).answers<Record<string, LookupResult>>(),
  getContactDetails: message(
    z.strictObject({ contactId: id }),
    PAGES_AND_GMAIL,
  ).answers<ContactDetails>(),
  searchContacts: message(
    z.strictObject({ query: z.string().trim().min(1).max(200) }),
    PAGES_AND_GMAIL,
  ).answers<Contact[]>(),
  enqueueWrite: message(z.strictObject({ write: WriteRequestSchema }), PAGES_AND_GMAIL).answers<{
    id: string;
    state: OutboxState;
  }>(),
  getOutbox: message(none, PAGES_AND_GMAIL).answers<OutboxSummary>(),
  retryOutboxItem: message(
    z.strictObject({ id, write: WriteRequestSchema.optional() }),
    PAGES_AND_GMAIL,
  ).answers<null>(),
  discardOutboxItem: message(z.strictObject({ id }), PAGES_AND_GMAIL).answers<null>(),
  flushOutbox: message(none, PAGES_AND_GMAIL).answers<null>(),
  getSettings: message(none, PAGES_AND_GMAIL).answers<SettingsView>(),
  saveSettings: message(SettingsInputSchema, PAGES).answers<SettingsView>(),
  savePrivacy: message(
    z.strictObject({ autoLookup: z.boolean(), neverLookup: z.array(text(320)).max(1000) }),
    PAGES_AND_GMAIL,
  ).answers<SettingsView>(),
  saveEmailLogging: message(EmailLoggingSettingsSchema, PAGES_AND_GMAIL).answers<SettingsView>(),
  /** Logs an email for the Vivre contacts among its people (never colleagues or never-log ones). */
  logEmail: message(EmailToLogSchema, PAGES_AND_GMAIL).answers<EmailLogResult>(),
  /** When each of these thread messages was logged from this browser (absent: never). */
  getLoggedEmails: message(
    z.strictObject({ messageIds: z.array(id).max(500) }),
    PAGES_AND_GMAIL,
  ).answers<Record<string, number>>(),
  testConnection: message(SettingsInputSchema, PAGES).answers<TestConnectionResult>(),
  clearContactCache: message(none, PAGES_AND_GMAIL).answers<null>(),
  /** Content scripts cannot open extension pages themselves, so the card asks the worker. */
  openOptions: message(none, PAGES_AND_GMAIL).answers<null>(),
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

/**
 * Messages our extension pages send to the content script in a Gmail tab (the popup asks
 * who is on the open thread). Answered in src/content/start-in-gmail.ts.
 */
export interface ContentProtocolMap {
  /** What the open thread or compose shows, so the popup can preselect a contact. */
  getPageParticipants(): { participants: Participant[]; subject: string | null };
}
