/**
 * The API's limits and enums the forms need, copied from `lib/vivre/contract.ts`
 * instead of imported: that file builds zod schemas at load time, and the popup's
 * bundle has no room for zod. `tests/unit/forms/limits.test.ts` fails if they drift.
 */
import type { ActivityType, Stage } from '../vivre/contract-types';

export const MAX_NOTE_LENGTH = 10_000;
export const MAX_TITLE_LENGTH = 200;
export const STAGES: readonly Stage[] = ['new', 'qualified', 'proposal', 'won'];
export const ACTIVITY_TYPES: readonly ActivityType[] = ['call', 'note', 'meeting', 'email'];
