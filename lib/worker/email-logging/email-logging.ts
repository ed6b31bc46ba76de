/**
 * Email logging in the worker, put together: the logger (who an email is logged for, and the
 * writes), the checks every logged email passes (Vivre set up, email text allowed to leave) and
 * the sends held through Gmail's Undo Send window: planned when held, in the workspace the rep
 * sent them from, and queued for that workspace when they stand. The handlers add only who asked
 * (a Gmail tab's write limit).
 */
import { VivreError } from '../vivre/errors';
import type { Lookups } from '../lookups/lookups';
import type { Outbox } from '../outbox';
import { stampOf } from '../settings/key-fingerprint';
import type { Credentials } from '../vivre/http';
import { EMAIL_TEXT_NOT_ALLOWED, emailTextAllowed } from '../settings/data-consent';
import { loadEmailLoggingPrefs } from '../settings/email-logging';
import { rememberOwnEmail } from '../settings/privacy';
import type { Settings } from '../settings/settings';
import type { EmailLogResult, EmailToLog } from '../../shared/messaging/protocol';
import { createEmailLogger } from './email-logger';
import { createHeldSends, type HeldSend } from './held-sends';
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

  /**
   * Email text leaves only when Vivre is set up and the rep allowed it (Firefox's consent).
   * Answers the connection it would be logged over.
   */
  async function mayLog(email: { signedInEmail?: string | undefined }): Promise<Credentials> {
    if (email.signedInEmail) await rememberOwnEmail(email.signedInEmail);
    const credentials = await settings.getCredentials(); // throws "not configured" for the rep
    if (!(await emailTextAllowed()))
      throw new VivreError({ kind: 'forbidden', message: EMAIL_TEXT_NOT_ALLOWED });
    return credentials;
  }

  /** A held send that stood: its planned writes, queued for the connection it was planned for. */
  async function commit({ plan, connection: planned }: HeldSend): Promise<EmailLogResult> {
    // The rep may have withdrawn Firefox's consent inside the window.
    if (!(await emailTextAllowed())) {
      return { loggedFor: [], loggedAt: null, reason: EMAIL_TEXT_NOT_ALLOWED };
    }
    return logger.enqueue(plan, (write) => outbox.enqueue(write, { connection: planned }));
  }

  const heldSends = createHeldSends({
    store: heldSendsStore,
    commit,
    wakeAt: (at) => wakeForHeldSends(at).catch(() => undefined),
  });

  return {
    async logEmail(email: EmailToLog): Promise<EmailLogResult> {
      await mayLog(email);
      return logger.logEmail(email);
    },

    /**
     * Refused now, not when the window has passed, so the tab can tell the rep. Planned now, in
     * the workspace the rep sent it from (its stamp taken before the lookups run against it).
     */
    async hold(sendId: string, email: EmailToLog, commitAt: number): Promise<void> {
      const connection = await stampOf(await mayLog(email));
      await heldSends.hold(sendId, { plan: await logger.plan(email), connection, commitAt });
    },

    loggedAt: logger.loggedAt,
    /** Settled by the tab; committed by the alarm and at start-up (commitDue). */
    heldSends,
  };
}

export type EmailLogging = ReturnType<typeof createEmailLogging>;
