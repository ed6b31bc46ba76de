/**
 * What compose and thread logging share: the page, the worker, the rep's preferences, the
 * signed-in account, and a small memory of lookups made for logging.
 */
// Used until the worker answers, and when it cannot: logging stays off unless the rep opts in.
import { DEFAULT_EMAIL_LOGGING } from '../../shared/settings';
import type { Participant } from '../../shared/people';
import type {
  EmailLoggingSettings,
  EmailToLog,
  LookupResult,
} from '../../shared/messaging/protocol';
import type { Ask } from '../../shared/messaging/messenger';
import type { Theme } from '../gmail/page';

export interface LoggingContext {
  doc: Document;
  ask: Ask;
  /** The preferences as last read; `reloadPrefs` asks the worker again. */
  prefs(): EmailLoggingSettings;
  reloadPrefs(): Promise<EmailLoggingSettings>;
  signedIn(): string | null;
  theme(): Theme;
  lookups: LoggingLookups;
  now?: () => number;
}

export function createPrefs(ask: Ask) {
  let current = DEFAULT_EMAIL_LOGGING;
  return {
    get: () => current,
    async reload(): Promise<EmailLoggingSettings> {
      const answer = await ask('getSettings');
      if (answer.ok && answer.value.emailLogging) current = answer.value.emailLogging;
      return current;
    },
  };
}

export type LoggingLookups = ReturnType<typeof createLoggingLookups>;

/**
 * Lookups made with `forLogging` (they work with automatic lookups off; never-look-up still
 * applies). A failure is shown like any answer but asked again at the next check.
 */
export function createLoggingLookups(ask: Ask, signedIn: () => string | null) {
  const answers = new Map<string, LookupResult>();
  return {
    /** Every answer, or null while any is missing. */
    known(emails: string[]): Record<string, LookupResult> | null {
      const found = emails.map((email) => answers.get(email));
      if (found.some((answer) => answer === undefined)) return null;
      return Object.fromEntries(emails.map((email, i) => [email, found[i]!]));
    },
    needsAsking(emails: string[]): boolean {
      return emails.some((email) => (answers.get(email)?.status ?? 'error') === 'error');
    },
    /** Asks the worker (which answers from its cache when it can, offline too). */
    async resolve(emails: string[]): Promise<Record<string, LookupResult>> {
      if (emails.length === 0) return {};
      const me = signedIn();
      const answer = await ask('lookupContacts', {
        emails,
        forLogging: true,
        ...(me ? { signedInEmail: me } : {}),
      });
      const results: Record<string, LookupResult> = {};
      for (const email of emails) {
        const result: LookupResult = answer.ok
          ? (answer.value[email] ?? { status: 'skipped', reason: 'never_lookup' })
          : { status: 'error', error: answer.error };
        results[email] = result;
        answers.set(email, result);
      }
      return results;
    },
  };
}

/** What the worker needs to log an email; the body is cut to what any excerpt can use. */
export function toEmailToLog(
  people: Participant[],
  { subject, bodyText }: { subject: string; bodyText: string },
  signedIn: string | null,
  messageId?: string,
): EmailToLog {
  return {
    people: people.map(({ email, name }) => ({ email, name })),
    subject: subject.slice(0, 2000),
    bodyText: bodyText.slice(0, 6000),
    ...(signedIn ? { signedInEmail: signedIn } : {}),
    ...(messageId ? { messageId } : {}),
  };
}
