/**
 * Email logging in the worker, put together: the logger (who an email is logged for, and the
 * writes), the checks every logged email passes (Vivre set up, email text allowed to leave) and
 * the sends held through Gmail's Undo Send window, which are logged through the same checks when
 * they stand. The handlers add only who asked (a Gmail tab's write limit).
 */
import { VivreError } from '../vivre/errors';
import type { Lookups } from '../lookups/lookups';
import type { Outbox } from '../outbox';
import { EMAIL_TEXT_NOT_ALLOWED, emailTextAllowed } from '../settings/data-consent';
import { loadEmailLoggingPrefs } from '../settings/email-logging';
import { rememberOwnEmail } from '../settings/privacy';
import type { Settings } from '../settings/settings';
import type { EmailToLog } from '../../shared/messaging/protocol';
import { createEmailLogger } from './email-logger';
import { createHeldSends } from './held-sends';
import { heldSendsStore, wakeForHeldSends } from './held-sends-store';
import { loggedMessages } from './logged-messages';

export interface EmailLoggingDeps {
  settings: Pick<Settings, 'getCredentials'>;
  lookups: Lookups;
  outbox: Pick<Outbox, 'enqueue'>;
}

export function createEmailLogging({ settings, lookups, outbox }: EmailLoggingDeps) {
  const logger = createEmailLogger({
    lookup: (emails, signedIn) =>
      lookups.lookup(emails, { ignoreAutoLookupOff: true, ...(signedIn ? { signedIn } : {}) }),
    enqueue: (write) => outbox.enqueue(write),
    prefs: loadEmailLoggingPrefs,
    dealsOf: (contactId) => lookups.dealsOf(contactId),
    logged: loggedMessages,
  });

  /** Email text leaves only when Vivre is set up and the rep allowed it (Firefox's consent). */
  async function mayLog(email: { signedInEmail?: string | undefined }): Promise<void> {
    if (email.signedInEmail) await rememberOwnEmail(email.signedInEmail);
    await settings.getCredentials(); // throws "not configured" with a message for the rep
    if (!(await emailTextAllowed()))
      throw new VivreError({ kind: 'forbidden', message: EMAIL_TEXT_NOT_ALLOWED });
  }

  async function logEmail(email: EmailToLog) {
    await mayLog(email);
    return logger.logEmail(email);
  }

  return {
    mayLog,
    logEmail,
    loggedAt: logger.loggedAt,
    /** A held send that stood is logged like any other email, checks included. */
    heldSends: createHeldSends({
      store: heldSendsStore,
      log: logEmail,
      wakeAt: (at) => wakeForHeldSends(at).catch(() => undefined),
    }),
  };
}

export type EmailLogging = ReturnType<typeof createEmailLogging>;
