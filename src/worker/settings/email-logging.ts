/**
 * Email-logging preferences, beside the privacy ones in storage.local (not secret).
 *
 * Decision: there is no separate "never log" list. The never-look-up list (lib/settings/privacy.ts)
 * is also the never-log list: an address the rep keeps out of Vivre lookups is one they do not want
 * in Vivre's activity history either, one list is one place to check, and the rep's own domain,
 * which that list holds by default, is exactly the colleagues whose emails must never be logged.
 * Logging also never looks up a listed address, so nothing about it reaches Vivre at all.
 */
import { storage } from 'wxt/utils/storage';

export interface EmailLoggingPrefs {
  /** Whether a new compose starts with "Log to Vivre" on. Off by default: logging is opt-in. */
  logEmailsByDefault: boolean;
  /** Characters of the body kept in the note after the subject. */
  excerptLength: number;
  /** Add recipients who are not in Vivre as contacts before logging for them. */
  addUnknownRecipients: boolean;
}

export const DEFAULT_EMAIL_LOGGING: EmailLoggingPrefs = {
  logEmailsByDefault: false,
  excerptLength: 500,
  addUnknownRecipients: false,
};

/** 0 logs the subject alone; 5,000 keeps the note well under the API's 10,000 characters. */
export const MAX_EXCERPT_LENGTH = 5000;

export const emailLoggingItem = storage.defineItem<EmailLoggingPrefs>('local:email-logging', {
  fallback: DEFAULT_EMAIL_LOGGING,
});

export async function loadEmailLoggingPrefs(): Promise<EmailLoggingPrefs> {
  // Spread over the defaults so a field added later has a value for reps who saved before it.
  return { ...DEFAULT_EMAIL_LOGGING, ...(await emailLoggingItem.getValue()) };
}

export async function saveEmailLoggingPrefs(prefs: EmailLoggingPrefs): Promise<EmailLoggingPrefs> {
  const clean: EmailLoggingPrefs = {
    logEmailsByDefault: prefs.logEmailsByDefault,
    excerptLength: Math.min(MAX_EXCERPT_LENGTH, Math.max(0, Math.round(prefs.excerptLength))),
    addUnknownRecipients: prefs.addUnknownRecipients,
  };
  await emailLoggingItem.setValue(clean);
  return clean;
}
