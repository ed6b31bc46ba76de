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
import { defaultDealId } from '../../shared/email-deal';
import type { Deal } from '../../shared/vivre/contract-types';
import { buildEmailNote } from './email-note';

export interface EmailLoggerDeps {
  /** Lookups for logging; `signedIn` is the account of the tab that asked (its colleagues). */
  lookup(emails: string[], signedIn: string | null): Promise<Record<string, LookupResult>>;
  enqueue(write: WriteRequest): Promise<unknown>;
  prefs(): Promise<EmailLoggingPrefs>;
  /** A contact's deals (cached details when Vivre is unreachable), or null when unknown. */
  dealsOf(contactId: string): Promise<Deal[] | null>;
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
  dealsOf,
  logged,
  now = Date.now,
  makeTempId = () => `tmp_${crypto.randomUUID()}`,
}: EmailLoggerDeps) {
  const inFlight = new Set<string>();

  async function log(email: EmailToLog): Promise<EmailLogResult> {
    const { excerptLength, addUnknownRecipients } = await prefs();
    const me = email.signedInEmail ?? null;
    const results = await lookup(
      email.people.map((person) => person.email),
      me,
    );
    const audience = planAudience(email.people, me, results, addUnknownRecipients);
    if (audience.allInternal || isEmpty(audience)) {
      return { loggedFor: [], loggedAt: null, reason: whyNotLogged(audience) };
    }
    const note = buildEmailNote(email.subject, email.bodyText, excerptLength);
    for (const { contactId } of audience.log) {
      const dealId = await dealFor(contactId, email.dealIds);
      await enqueue(activity(contactId, note, dealId));
    }
    for (const { email: address, name } of audience.add) {
      const tempId = makeTempId();
      // The contact first: the outbox sends the activity only once its temporary id is real.
      const body = { name: (name ?? nameFromAddress(address)).slice(0, 200), email: address };
      await enqueue({ kind: 'createContact', tempId, body });
      await enqueue(activity(tempId, note, null));
    }
    const loggedFor = [...audience.log, ...audience.add].map((person) => person.email);
    return { loggedFor, loggedAt: now() };
  }

  /** The rep's choice when made, else the contact's only open deal (lib/shared/email-deal.ts). */
  async function dealFor(contactId: string, chosen: EmailToLog['dealIds']): Promise<string | null> {
    const choice = chosen?.[contactId];
    if (choice !== undefined) return choice;
    return defaultDealId(await dealsOf(contactId).catch(() => null));
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

function activity(contactId: string, note: string, dealId: string | null): WriteRequest {
  const body = { contact_id: contactId, type: 'email' as const, note };
  return { kind: 'logActivity', body: dealId ? { ...body, deal_id: dealId } : body };
}

function whyNotLogged(audience: Audience): string {
  if (audience.allInternal) return 'Not logged: everyone on it is internal.';
  return audience.skipped.some((skip) => skip.reason === 'lookup_failed')
    ? 'Not logged: Vivre can’t be reached. Try again.'
    : 'Not logged: nobody on it is in Vivre.';
}
