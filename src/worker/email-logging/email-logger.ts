/**
 * The worker's half of email logging: from the people on an email to one `email` activity per
 * Vivre contact among them, queued in the outbox like every other write (so a send made offline
 * syncs later). A thread message is logged at most once from this browser: the worker, one per
 * browser, remembers its id and turns away a second request, even from another tab at the same
 * moment. Logic the content script does not need lives here, where no bundle budget applies.
 */
import type {
  EmailLogResult,
  EmailToLog,
  LookupResult,
  WriteRequest,
} from '../../shared/messaging/protocol';
import type { EmailLoggingPrefs } from '../../shared/settings';
import { nameFromAddress } from '../../shared/address';
import { isEmpty, planAudience, type Audience } from '../../shared/email-audience';
import { buildEmailNote } from './email-note';

export interface EmailLoggerDeps {
  lookup(emails: string[]): Promise<Record<string, LookupResult>>;
  enqueue(write: WriteRequest): Promise<unknown>;
  prefs(): Promise<EmailLoggingPrefs>;
  logged: {
    get(): Promise<Record<string, number>>;
    remember(messageId: string, at: number): Promise<void>;
  };
  now?: () => number;
  makeTempId?: () => string;
}

export function createEmailLogger({
  lookup,
  enqueue,
  prefs,
  logged,
  now = Date.now,
  makeTempId = () => `tmp_${crypto.randomUUID()}`,
}: EmailLoggerDeps) {
  const inFlight = new Set<string>();

  async function log(email: EmailToLog): Promise<EmailLogResult> {
    const { excerptLength, addUnknownRecipients } = await prefs();
    const me = email.signedInEmail ?? null;
    const results = await lookup(email.people.map((person) => person.email));
    const audience = planAudience(email.people, me, results, addUnknownRecipients);
    if (audience.allInternal || isEmpty(audience)) {
      return { loggedFor: [], loggedAt: null, reason: whyNotLogged(audience) };
    }
    const note = buildEmailNote(email.subject, email.bodyText, excerptLength);
    for (const { contactId } of audience.log) await enqueue(activity(contactId, note));
    for (const { email: address, name } of audience.add) {
      const tempId = makeTempId();
      // The contact first: the outbox sends the activity only once its temporary id is real.
      const body = { name: (name ?? nameFromAddress(address)).slice(0, 200), email: address };
      await enqueue({ kind: 'createContact', tempId, body });
      await enqueue(activity(tempId, note));
    }
    const loggedFor = [...audience.log, ...audience.add].map((person) => person.email);
    return { loggedFor, loggedAt: now() };
  }

  return {
    async logEmail(email: EmailToLog): Promise<EmailLogResult> {
      const { messageId } = email;
      if (!messageId) return log(email);
      const earlier = (await logged.get())[messageId];
      if (earlier !== undefined || inFlight.has(messageId)) {
        return { loggedFor: [], loggedAt: earlier ?? now() };
      }
      inFlight.add(messageId);
      try {
        const result = await log(email);
        if (result.loggedAt !== null) await logged.remember(messageId, result.loggedAt);
        return result;
      } finally {
        inFlight.delete(messageId);
      }
    },

    async loggedAt(messageIds: string[]): Promise<Record<string, number>> {
      const all = await logged.get();
      return Object.fromEntries(
        messageIds.flatMap((id) => (all[id] === undefined ? [] : [[id, all[id]]])),
      );
    },
  };
}

function activity(contactId: string, note: string): WriteRequest {
  return { kind: 'logActivity', body: { contact_id: contactId, type: 'email', note } };
}

function whyNotLogged(audience: Audience): string {
  if (audience.allInternal) return 'Not logged: everyone on it is internal.';
  return audience.skipped.some((skip) => skip.reason === 'lookup_failed')
    ? 'Not logged: Vivre can’t be reached. Try again.'
    : 'Not logged: nobody on it is in Vivre.';
}
