/**
 * How much one message may carry, where a sender has to split a longer list to fit.
 * Zod-free, so the content script can read it; messages.ts enforces it.
 */

/** Addresses in one `lookupContacts` message: 200 × 320 characters is 64 kB. */
export const MAX_LOOKUP_EMAILS = 200;

/** Activities in one `getActivityPage` answer: a timeline's next page, not a whole history. */
export const MAX_ACTIVITY_PAGE = 50;

/** How deep a timeline may page: 10,000 activities back is more than any rep scrolls. */
export const MAX_ACTIVITY_OFFSET = 10_000;

/** Items in one `listOutboxPage` answer: what the popup's "Show more" adds at a time. */
export const MAX_OUTBOX_PAGE = 100;

/** Deal ids in one `listPendingFor` message: a contact's deals as Vivre lists them, and more. */
export const MAX_PENDING_DEAL_IDS = 500;
