/**
 * What messages to the worker carry, declared once as zod schemas; their TypeScript
 * types are derived from them (`WriteRequest`, `SettingsInput`, …). The worker parses
 * every incoming message with these before doing anything: data that does not fit is
 * refused with a validation error and causes no request. Strict objects, so unexpected
 * fields (say, a `baseUrl` smuggled into a lookup) are refused rather than ignored.
 *
 * The content script may import the *types* only (`import type`): zod has no room in
 * its bundle, and ESLint refuses a value import there.
 */
import { z } from 'zod';
import { ACTIVITY_TYPES, MAX_NOTE_LENGTH, STAGES } from '../vivre/contract';

const stage = z.enum(STAGES);

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** An outbox item: the UUID the worker gave it. */
const outboxId = z.string().regex(new RegExp(`^${UUID}$`), 'Not an outbox item id.');
/**
 * A contact or deal created offline, before Vivre has given it an id: `tmp_<uuid>`, minted
 * by the sender. Nothing else may pose as one (a `tempId` of `cnt_8821` would re-point every
 * later write that names that contact), and no real id looks like one.
 */
const TEMP_ID = new RegExp(`^tmp_${UUID}$`);
const tempId = z.string().regex(TEMP_ID, 'Not a temporary id.');
/** True for a temporary id: only those can have an entry in the outbox's `tempIds`. */
export const isTempId = (id: string): boolean => TEMP_ID.test(id);
/**
 * A Vivre record id (`cnt_8821`, `dl_4420`): letters, digits, `_` and `-` only, so it is
 * one path segment whatever it holds (never `.`, `..`, `/`, `%`), and never `tmp_…`.
 */
const recordId = z
  .string()
  .regex(/^(?!tmp_)[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, 'Not a Vivre record id.');
/** Where a write points: a record in Vivre, or one created offline earlier. */
const recordRef = z.union([recordId, tempId]);
/** Gmail's message id (`#msg-f:1840959905192440233`, or a legacy hex id). */
const gmailMessageId = z.string().regex(/^#?[A-Za-z0-9:_-]{1,200}$/, 'Not a Gmail message id.');
const text = (max: number) => z.string().max(max);
const email = z.string().trim().email().max(254);
const tags = z.array(z.string().trim().min(1).max(50)).max(50);
const isoDate = z.string().datetime({ offset: true });

export const WriteRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('createContact'),
    tempId,
    body: z.strictObject({
      name: z.string().trim().min(1).max(200),
      email,
      company: text(200).optional(),
      stage: stage.optional(),
      tags: tags.optional(),
    }),
  }),
  z.strictObject({
    kind: z.literal('updateContact'),
    contactId: recordRef,
    body: z.strictObject({
      name: z.string().trim().min(1).max(200).optional(),
      company: text(200).optional(),
      stage: stage.optional(),
      tags: tags.optional(),
    }),
  }),
  z.strictObject({
    kind: z.literal('createDeal'),
    tempId,
    body: z.strictObject({
      contact_id: recordRef,
      title: z.string().trim().min(1).max(200),
      value: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
      stage: stage.optional(),
    }),
  }),
  z.strictObject({
    kind: z.literal('updateDeal'),
    dealId: recordRef,
    body: z.strictObject({
      stage: stage.optional(),
      closed_at: isoDate.nullable().optional(),
      title: z.string().trim().min(1).max(200).optional(),
      value: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    }),
  }),
  z.strictObject({
    kind: z.literal('logActivity'),
    body: z.strictObject({
      contact_id: recordRef,
      deal_id: recordRef.optional(),
      type: z.enum(ACTIVITY_TYPES),
      note: text(MAX_NOTE_LENGTH).optional(),
    }),
  }),
]);

/** A write the rep made, as the outbox keeps it until Vivre has it. */
export type WriteRequest = z.input<typeof WriteRequestSchema>;

export const SettingsInputSchema = z.strictObject({
  /** Omitted: keep the saved key. */
  apiKey: text(500).optional(),
  workspaceId: text(200),
  baseUrl: text(2000),
});
export type SettingsInput = z.input<typeof SettingsInputSchema>;

export const EmailLoggingSettingsSchema = z.strictObject({
  /** A new compose starts with "Log to Vivre" on. Default false. */
  logEmailsByDefault: z.boolean(),
  /** Body characters kept in the logged note after the subject. Default 500. */
  excerptLength: z.number().int().min(0).max(5000),
  /** Add recipients not in Vivre as contacts first. Default false. */
  addUnknownRecipients: z.boolean(),
});
export type EmailLoggingSettings = z.input<typeof EmailLoggingSettingsSchema>;

/** Score chips in Gmail's list views (lib/shared/inbox-list.ts). */
export const InboxListPrefsSchema = z.strictObject({
  showScores: z.boolean(),
  hotLeadThreshold: z.number().int().min(0).max(100),
});

/** An email the rep chose to log (a send, or one thread message), read from Gmail. */
export const EmailToLogSchema = z.strictObject({
  /** Whom it may be logged for: a send's recipients, or a message's sender or recipients. */
  people: z.array(z.strictObject({ email: text(320), name: text(500).nullable() })).max(200),
  signedInEmail: email.optional(),
  subject: text(2000),
  /** Plain text; only the configured excerpt length of it is kept. */
  bodyText: text(MAX_NOTE_LENGTH),
  /** A thread message's Gmail id: such a message is logged at most once from this browser. */
  messageId: gmailMessageId.optional(),
  /**
   * The rep's choice of deal per contact id (null: no deal). A contact left out gets the
   * default of lib/shared/email-deal.ts: its only open deal, else none.
   */
  dealIds: z.record(recordId, recordId.nullable()).optional(),
});
export type EmailToLog = z.input<typeof EmailToLogSchema>;

/** Building blocks for the message table (messages.ts). */
export { email, gmailMessageId, outboxId, recordId, recordRef, text };
