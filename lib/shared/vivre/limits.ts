/**
 * The API's enums and limits, as the reference states them, declared once. Zod-free, so
 * the popup, the options page and the content script can use them without the schema
 * library that contract.ts builds on them.
 */
export const STAGES = ['new', 'qualified', 'proposal', 'won'] as const;
export const ACTIVITY_TYPES = ['call', 'email', 'meeting', 'note'] as const;
export const PERMISSIONS = ['read', 'write', 'admin'] as const;

export const MAX_NOTE_LENGTH = 10_000;
/** Names, companies and deal titles. */
export const MAX_TITLE_LENGTH = 200;
export const MAX_LIST_LIMIT = 500;
export const DEFAULT_LIST_LIMIT = 50;
