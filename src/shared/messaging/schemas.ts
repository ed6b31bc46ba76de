/**
 * Zod schemas for the data of every worker message. The worker parses incoming
 * data with these before doing anything: a message that does not fit is refused
 * with a validation error and causes no request. Strict objects, so unexpected
 * fields (say, a `baseUrl` smuggled into a lookup) are refused rather than ignored.
 */
import { z } from 'zod';
import { ACTIVITY_TYPES, MAX_NOTE_LENGTH, STAGES } from '../vivre/contract';
import type { ProtocolMap, WriteRequest } from './protocol';

const stage = z.enum(STAGES);
const id = z.string().trim().min(1).max(200);
const text = (max: number) => z.string().max(max);
const email = z.string().trim().email().max(254);
const tags = z.array(z.string().trim().min(1).max(50)).max(50);
const isoDate = z.string().datetime({ offset: true });

export const WriteRequestSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('createContact'),
    tempId: id,
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
    contactId: id,
    body: z.strictObject({
      name: z.string().trim().min(1).max(200).optional(),
      company: text(200).optional(),
      stage: stage.optional(),
      tags: tags.optional(),
    }),
  }),
  z.strictObject({
    kind: z.literal('createDeal'),
    tempId: id,
    body: z.strictObject({
      contact_id: id,
      title: z.string().trim().min(1).max(200),
      value: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
      stage: stage.optional(),
    }),
  }),
  z.strictObject({
    kind: z.literal('updateDeal'),
    dealId: id,
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
      contact_id: id,
      deal_id: id.optional(),
      type: z.enum(ACTIVITY_TYPES),
      note: text(MAX_NOTE_LENGTH).optional(),
    }),
  }),
]) satisfies z.ZodType<WriteRequest>;

const settingsInput = z.strictObject({
  apiKey: text(500).optional(),
  workspaceId: text(200),
  baseUrl: text(2000),
});

const none = z.undefined();

/** One schema per message; a message type missing here is a compile error. */
export const messageSchemas = {
  getStatus: none,
  lookupContacts: z.strictObject({
    emails: z.array(text(320)).max(200),
    signedInEmail: email.optional(),
    forLogging: z.boolean().optional(),
  }),
  getContactDetails: z.strictObject({ contactId: id }),
  searchContacts: z.strictObject({ query: z.string().trim().min(1).max(200) }),
  enqueueWrite: z.strictObject({ write: WriteRequestSchema }),
  getOutbox: none,
  retryOutboxItem: z.strictObject({ id, write: WriteRequestSchema.optional() }),
  discardOutboxItem: z.strictObject({ id }),
  flushOutbox: none,
  getSettings: none,
  saveSettings: settingsInput,
  savePrivacy: z.strictObject({
    autoLookup: z.boolean(),
    neverLookup: z.array(text(320)).max(1000),
  }),
  saveEmailLogging: z.strictObject({
    logEmailsByDefault: z.boolean(),
    excerptLength: z.number().int().min(0).max(5000),
    addUnknownRecipients: z.boolean(),
  }),
  logEmail: z.strictObject({
    people: z.array(z.strictObject({ email: text(320), name: text(500).nullable() })).max(200),
    signedInEmail: email.optional(),
    subject: text(2000),
    bodyText: text(MAX_NOTE_LENGTH),
    messageId: id.optional(),
  }),
  getLoggedEmails: z.strictObject({ messageIds: z.array(id).max(500) }),
  testConnection: settingsInput,
  clearContactCache: none,
  openOptions: none,
} satisfies { [K in keyof ProtocolMap]: z.ZodType };
