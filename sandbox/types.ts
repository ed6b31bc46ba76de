/** The sandbox's stored shapes: what the JSON file holds, one level below the API's resources. */
import type {
  ACTIVITY_TYPES,
  PERMISSIONS,
  STAGES,
  WEBHOOK_EVENTS,
} from '../src/shared/vivre/contract';

export type Stage = (typeof STAGES)[number];
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export type Permission = (typeof PERMISSIONS)[number];
export type EventType = (typeof WEBHOOK_EVENTS)[number];

export interface StoredContact {
  id: string;
  name: string;
  email: string;
  company: string | null;
  ai_score: number;
  stage: Stage;
  tags: string[];
  created_at: string;
  updated_at: string;
}

export interface StoredDeal {
  id: string;
  contact_id: string;
  title: string;
  value: number | null;
  stage: Stage;
  created_at: string;
  closed_at: string | null;
}

export interface StoredActivity {
  id: string;
  contact_id: string;
  deal_id: string | null;
  type: ActivityType;
  note: string | null;
  created_at: string;
}

export interface StoredWebhook {
  id: string;
  url: string;
  events: EventType[];
  secret: string;
  created_at: string;
}

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
