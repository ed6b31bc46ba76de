/**
 * The rep's preferences, one type and one default each. Connection settings (the key,
 * the workspace, the API address) are the worker's alone: see lib/worker/settings.
 */
import type { EmailLoggingSettings } from './messaging/schemas';

/** Who is looked up in Vivre. Not secret: kept in storage.local by the worker. */
export interface PrivacyPrefs {
  autoLookup: boolean;
  /** What the rep listed: whole addresses or domains. */
  neverLookup: string[];
  /** The company domain of the Gmail account last seen, or null (unknown, or free mail). */
  ownDomain: string | null;
  /** False once the rep removed their own domain from the list. */
  skipOwnDomain: boolean;
  /** The organisation's entries (its policy), always applied beside the rep's; absent: none. */
  organisation?: string[];
}

export const DEFAULT_PRIVACY: PrivacyPrefs = {
  autoLookup: true,
  neverLookup: [],
  ownDomain: null,
  skipOwnDomain: true,
};

export type EmailLoggingPrefs = EmailLoggingSettings;

/** Logging is opt-in: off until the rep turns it on, per compose or for every compose. */
export const DEFAULT_EMAIL_LOGGING: EmailLoggingPrefs = {
  logEmailsByDefault: false,
  excerptLength: 500,
  addUnknownRecipients: false,
};

/** 0 logs the subject alone; 5,000 keeps the note well under the API's 10,000 characters. */
export const MAX_EXCERPT_LENGTH = 5000;
