/**
 * The worker's half of email logging: from the people on an email to one `email` activity per
 * Vivre contact among them, queued in the outbox like every other write (so a send made offline
 * syncs later). A thread message is logged at most once from this browser: the worker, one per
 * browser, remembers its id and turns away a second request, even from another tab at the same
 * moment. Logic the content script does not need lives here, where no bundle budget applies.
 *
 * Two steps: `plan` decides whom for and what (lookups, preferences, colleagues, the note, the
 * deals) and `enqueue` queues the plan's writes. A send held through Gmail's Undo window is
 * planned when the rep sends it and queued when the window has passed (./held-sends.ts).
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

/**
 * An email's log as planned: its writes, with the note kept once (it is the same for everyone, and
 * a held plan is stored), and what the rep is told.
 */
export interface EmailLogPlan {
  note: string;
  /** Vivre contacts it is logged for, each with the deal it is tied to (null: none). */
  log: { contactId: string; dealId: string | null }[];
  /** People added to Vivre first (their temporary ids fixed when planned), then logged for. */
  add: { tempId: string; name: string; email: string }[];
  loggedFor: string[];
  /** Why nothing is logged, written for a rep; absent when something is. */
  reason?: string;
}

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

/** The writes a plan makes, in order: each new contact before the activity that names it. */
export function writesOf(plan: EmailLogPlan): WriteRequest[] {
  return [
    ...plan.log.map(({ contactId, dealId }) => activity(contactId, plan.note, dealId)),
    ...plan.add.flatMap(({ tempId, name, email }): WriteRequest[] => [
      { kind: 'createContact', tempId, body: { name, email } },
      activity(tempId, plan.note, null),
    ]),
  ];
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

  async function plan(email: EmailToLog): Promise<EmailLogPlan> {
    const { excerptLength, addUnknownRecipients } = await prefs();
    const me = email.signedInEmail ?? null;
    const results = await lookup(
      email.people.map((person) => person.email),
      me,
    );
    const audience = planAudience(email.people, me, results, addUnknownRecipients);
    if (audience.allInternal || isEmpty(audience)) {
      return { note: '', log: [], add: [], loggedFor: [], reason: whyNotLogged(audience) };
    }
    const note = buildEmailNote(email.subject, email.bodyText, excerptLength);
    const log = [];
    for (const { contactId } of audience.log) {
      log.push({ contactId, dealId: await dealFor(contactId, email.dealIds) });
    }
    const add = audience.add.map(({ email: address, name }) => ({
      tempId: makeTempId(),
      name: (name ?? nameFromAddress(address)).slice(0, 200),
      email: address,
    }));
    const loggedFor = [...audience.log, ...audience.add].map((person) => person.email);
    return { note, log, add, loggedFor };
  }

  /** Queues the plan's writes; `write` queues one (the outbox, for a held send its connection). */
  async function enqueuePlan(
    planned: EmailLogPlan,
    write: (request: WriteRequest) => Promise<unknown> = enqueue,
  ): Promise<EmailLogResult> {
    if (planned.reason !== undefined) {
      return { loggedFor: [], loggedAt: null, reason: planned.reason };
    }
    for (const request of writesOf(planned)) await write(request);
    return { loggedFor: planned.loggedFor, loggedAt: now() };
  }

  /** The rep's choice when made, else the contact's only open deal (lib/shared/email-deal.ts). */
  async function dealFor(contactId: string, chosen: EmailToLog['dealIds']): Promise<string | null> {
    const choice = chosen?.[contactId];
    if (choice !== undefined) return choice;
    return defaultDealId(await dealsOf(contactId).catch(() => null));
  }

  return {
    plan,
    enqueue: enqueuePlan,

    async logEmail(email: EmailToLog): Promise<EmailLogResult> {
      const { messageId } = email;
      if (!messageId) return enqueuePlan(await plan(email));
      const earlier = (await logged.get())[messageId];
      if (earlier !== undefined || inFlight.has(messageId)) {
        return { loggedFor: [], loggedAt: earlier ?? now() };
      }
      inFlight.add(messageId);
      try {
        const result = await enqueuePlan(await plan(email));
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

export type EmailLogger = ReturnType<typeof createEmailLogger>;

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
