/**
 * The one contract between the Vivre API and everything that speaks it.
 * The sandbox validates requests with the `*Create`/`*Update` schemas (strict:
 * unknown fields are refused) and the extension's client validates responses
 * with the resource schemas (lenient: fields added by the API later are kept
 * out of our types but do not break us). Both import this file, so they cannot drift.
 */
import { z } from 'zod';

import {
  ACTIVITY_TYPES,
  DEFAULT_LIST_LIMIT,
  MAX_LIST_LIMIT,
  MAX_NOTE_LENGTH,
  MAX_TITLE_LENGTH,
  PERMISSIONS,
  STAGES,
} from './limits';

// The enums and limits are part of the contract: its importers get them here too.
export * from './limits';

export const WEBHOOK_EVENTS = [
  'contact.created',
  'contact.updated',
  'contact.scored',
  'deal.created',
  'deal.stage_changed',
  'deal.won',
  'activity.logged',
] as const;

export const Stage = z.enum(STAGES);
export const ActivityType = z.enum(ACTIVITY_TYPES);
export const Permission = z.enum(PERMISSIONS);
export const WebhookEvent = z.enum(WEBHOOK_EVENTS);

const isoDate = z.string().datetime({ offset: true });
const email = z.string().trim().email().max(254);
const name = z.string().trim().min(1).max(MAX_TITLE_LENGTH);

// ---- Resources, as the API returns them ----

export const Contact = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  company: z.string().nullable().optional(),
  ai_score: z.number().int().min(0).max(100),
  stage: Stage,
  tags: z.array(z.string()).optional().default([]),
  created_at: isoDate,
  updated_at: isoDate.optional(),
});
export type Contact = z.infer<typeof Contact>;

export const Deal = z.object({
  id: z.string(),
  contact_id: z.string(),
  title: z.string(),
  value: z.number().int().nullable().optional(),
  stage: Stage,
  created_at: isoDate,
  closed_at: isoDate.nullable().optional(),
});
export type Deal = z.infer<typeof Deal>;

export const Activity = z.object({
  id: z.string(),
  contact_id: z.string(),
  deal_id: z.string().nullable().optional(),
  type: ActivityType,
  note: z.string().nullable().optional(),
  created_at: isoDate,
});
export type Activity = z.infer<typeof Activity>;

export const Webhook = z.object({
  id: z.string(),
  url: z.string().url(),
  events: z.array(WebhookEvent),
  created_at: isoDate,
});
export type Webhook = z.infer<typeof Webhook>;

/** ASSUMPTION (beyond the reference): `GET /v1/me` says which workspace and permissions a key has. */
export const Me = z.object({
  workspace: z.object({ id: z.string(), name: z.string() }),
  key: z.object({ prefix: z.string(), permissions: z.array(Permission) }),
});
export type Me = z.infer<typeof Me>;

export function listEnvelope<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    data: z.array(item),
    total: z.number().int().min(0),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}
export type ListEnvelope<T> = { data: T[]; total: number; limit: number; offset: number };

export const ERROR_TYPES = [
  'invalid_request',
  'validation_error',
  'authentication_error',
  'permission_error',
  'not_found',
  'conflict',
  'idempotency_error',
  'unsupported_media_type',
  'payload_too_large',
  'rate_limit_error',
  'server_error',
] as const;

export const ErrorEnvelope = z.object({
  error: z.object({
    type: z.string(),
    message: z.string(),
    param: z.string().optional(),
    request_id: z.string().optional(),
    /** On 409 for a duplicate email: the contact that already has it. */
    existing_id: z.string().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

// ---- Request bodies (strict: an unknown field is a 400 naming it) ----

export const ContactCreate = z
  .object({
    name,
    email,
    company: z.string().trim().max(200).nullable().optional(),
    stage: Stage.optional(),
    tags: z.array(z.string().trim().min(1).max(50)).max(50).optional(),
  })
  .strict();
export type ContactCreate = z.infer<typeof ContactCreate>;

export const ContactUpdate = ContactCreate.partial().strict();
export type ContactUpdate = z.infer<typeof ContactUpdate>;

export const DealCreate = z
  .object({
    contact_id: z.string().min(1),
    title: z.string().trim().min(1).max(200),
    value: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    stage: Stage.optional(),
  })
  .strict();
export type DealCreate = z.infer<typeof DealCreate>;

export const DealUpdate = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    value: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    stage: Stage.optional(),
    closed_at: isoDate.nullable().optional(),
  })
  .strict();
export type DealUpdate = z.infer<typeof DealUpdate>;

export const ActivityCreate = z
  .object({
    contact_id: z.string().min(1),
    deal_id: z.string().min(1).optional(),
    type: ActivityType,
    note: z.string().max(MAX_NOTE_LENGTH).optional(),
  })
  .strict();
export type ActivityCreate = z.infer<typeof ActivityCreate>;

export const WebhookCreate = z
  .object({
    url: z
      .string()
      .url()
      .refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL'),
    events: z.array(WebhookEvent).min(1),
  })
  .strict();
export type WebhookCreate = z.infer<typeof WebhookCreate>;

export const ContactListQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(MAX_LIST_LIMIT).default(DEFAULT_LIST_LIMIT),
    offset: z.coerce.number().int().min(0).default(0),
    search: z.string().max(200).optional(),
    score_min: z.coerce.number().int().min(0).max(100).optional(),
  })
  .strict();
export type ContactListQuery = z.infer<typeof ContactListQuery>;

export const ByContactQuery = z
  .object({
    contact_id: z.string().min(1),
    limit: z.coerce.number().int().min(1).max(MAX_LIST_LIMIT).default(DEFAULT_LIST_LIMIT),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
