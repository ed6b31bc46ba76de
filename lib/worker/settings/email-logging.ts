/**
 * Email-logging preferences, beside the privacy ones in the worker's own storage: not secret, but
 * they decide what leaves the browser, so no content script may write them.
 *
 * Decision: there is no separate "never log" list. The never-look-up list (./privacy.ts)
 * is also the never-log list: an address the rep keeps out of Vivre lookups is one they do not want
 * in Vivre's activity history either, one list is one place to check, and the rep's own domain,
 * which that list holds by default, is exactly the colleagues whose emails must never be logged.
 * Logging also never looks up a listed address, so nothing about it reaches Vivre at all.
 */
import {
  DEFAULT_EMAIL_LOGGING,
  MAX_EXCERPT_LENGTH,
  type EmailLoggingPrefs,
} from '../../shared/settings';
import { emailLoggingItem } from '../storage/items';

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
