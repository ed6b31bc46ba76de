/**
 * How much one message may carry, where a sender has to split a longer list to fit.
 * Zod-free, so the content script can read it; messages.ts enforces it.
 */

/** Addresses in one `lookupContacts` message: 200 × 320 characters is 64 kB. */
export const MAX_LOOKUP_EMAILS = 200;
