/** The sandbox's stored shapes: what the JSON file holds, one level below the API's resources. */
import type { WEBHOOK_EVENTS } from '../lib/shared/vivre/contract';
import type {
  Activity,
  ActivityType,
  Contact,
  Deal,
  Permission,
  Stage,
  Webhook,
} from '../lib/shared/vivre/contract-types';

export type { ActivityType, Permission, Stage };
export type EventType = (typeof WEBHOOK_EVENTS)[number];

/** The API's resources as the sandbox stores them: every optional field present, null when empty. */
export type StoredContact = Required<Contact>;
export type StoredDeal = Required<Deal>;
export type StoredActivity = Required<Activity>;
/** The signing secret is stored with the webhook and shown once, at creation. */
export type StoredWebhook = Webhook & { secret: string };

export interface WebhookEventPayload {
  id: string;
  type: EventType;
  created_at: string;
  data: unknown;
}

export interface DeliveryAttempt {
  at: string;
  /** HTTP status the endpoint answered, or null when it did not answer in time. */
  status: number | null;
  error: string | null;
}

export interface StoredDelivery {
  id: string;
  webhook_id: string;
  event: WebhookEventPayload;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: DeliveryAttempt[];
  next_attempt_at: string | null;
  created_at: string;
}

export interface IdempotencyRecord {
  fingerprint: string;
  status: number;
  body: unknown;
  created_at: number;
}

export interface WorkspaceData {
  id: string;
  name: string;
  contacts: Record<string, StoredContact>;
  deals: Record<string, StoredDeal>;
  activities: Record<string, StoredActivity>;
  webhooks: Record<string, StoredWebhook>;
  deliveries: Record<string, StoredDelivery>;
  idempotency: Record<string, IdempotencyRecord>;
}

export interface ApiKey {
  key: string;
  workspace_id: string;
  permissions: Permission[];
}

export interface SandboxState {
  version: 1;
  next_id: number;
  keys: ApiKey[];
  workspaces: Record<string, WorkspaceData>;
}
