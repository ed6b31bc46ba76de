/**
 * What compose and thread logging share: the page, the worker, the rep's preferences, the
 * signed-in account, and the page's lookup store.
 */
import { DEFAULT_EMAIL_LOGGING } from '../../shared/settings';
import type { Participant } from '../../shared/people';
import type {
  EmailLoggingSettings,
  EmailToLog,
  LookupResult,
} from '../../shared/messaging/protocol';
import { planAudience } from '../../shared/email-audience';
import { defaultDealId } from '../../shared/email-deal';
import type { Deal } from '../../shared/vivre/contract-types';
import type { Ask } from '../../shared/messaging/messenger';
import type { LookupStore } from '../lookups/lookup-store';
import type { Theme } from '../gmail/page';

export interface LoggingContext {
  doc: Document;
  ask: Ask;
  /** The preferences as last read; `reloadPrefs` asks the worker again. */
  prefs(): EmailLoggingSettings;
  reloadPrefs(): Promise<EmailLoggingSettings>;
  /** False in Firefox until the rep allows email text to leave (as last read with the prefs). */
  emailTextAllowed(): boolean;
  signedIn(): string | null;
  theme(): Theme;
  /** The page's one lookup store; logging uses its `forLogging` answers. */
  lookups: LookupStore;
  now?: () => number;
}

/** The rep's email-logging preferences, as the worker last told them. */
export function createPrefs(ask: Ask) {
  // Used until the worker answers, and when it cannot: logging stays off unless the rep opts in.
  let current = DEFAULT_EMAIL_LOGGING;
  // Until the worker says otherwise; it refuses to log without consent whatever this says.
  let allowed = true;
  // Nothing of logging shows until the worker has said Vivre is connected: an install not yet
  // connected offers one quiet way to connect (the toolbar popup), not a button on every email.
  let connected = false;
  return {
    get: () => current,
    emailTextAllowed: () => allowed,
    connected: () => connected,
    async reload(): Promise<EmailLoggingSettings> {
      const answer = await ask('getEmailLoggingPrefs');
      if (answer.ok) ({ emailLogging: current, emailTextAllowed: allowed } = answer.value);
      // A worker that cannot answer is no reason to hide what the rep may still use.
      connected = !answer.ok || answer.value.connected;
      return current;
    },
  };
}

/** What the worker needs to log an email; the body is cut to what any excerpt can use. */
export function toEmailToLog(
  people: Participant[],
  { subject, bodyText }: { subject: string; bodyText: string },
  signedIn: string | null,
  messageId?: string,
  dealIds?: EmailToLog['dealIds'],
): EmailToLog {
  return {
    people: people.map(({ email, name }) => ({ email, name })),
    subject: subject.slice(0, 2000),
    bodyText: bodyText.slice(0, 6000),
    ...(signedIn ? { signedInEmail: signedIn } : {}),
    ...(messageId ? { messageId } : {}),
    ...(dealIds ? { dealIds } : {}),
  };
}

/** The deal choice for an email logged for exactly one contact who has open deals. */
export interface DealChoice {
  contactId: string;
  deals: Deal[];
  dealId: string | null;
}

/**
 * Asks for the contact's open deals (the worker answers from its cache offline) and starts on the
 * default; null when the contact has no open deal, or its deals can't be read.
 */
export async function loadDealChoice(ask: Ask, contactId: string): Promise<DealChoice | null> {
  const answer = await ask('getOpenDeals', { contactId });
  const deals = (answer.ok && answer.value) || [];
  return deals.length > 0 ? { contactId, deals, dealId: defaultDealId(deals) } : null;
}

/** The one contact an email would be logged for, or null when it is none, several or new. */
export function soleContactId(
  people: Participant[],
  known: Record<string, LookupResult> | null,
  signedIn: string | null,
  addUnknown: boolean,
): string | null {
  if (!known) return null;
  const audience = planAudience(people, signedIn, known, addUnknown);
  return audience.log.length === 1 && audience.add.length === 0 ? audience.log[0]!.contactId : null;
}
