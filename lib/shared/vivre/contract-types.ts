/**
 * Type-only view of the contract, for code that must not bundle zod (the content
 * script). `import type` is erased at build time.
 */
export type {
  Activity,
  Contact,
  Deal,
  Me,
  ContactCreate,
  DealCreate,
  ActivityCreate,
  Webhook,
} from './contract';
import type { ACTIVITY_TYPES, PERMISSIONS, STAGES } from './limits';

export type Stage = (typeof STAGES)[number];
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export type Permission = (typeof PERMISSIONS)[number];
