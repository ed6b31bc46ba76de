/**
 * The one way senders split a lookup longer than one message holds (MAX_LOOKUP_EMAILS): a
 * Gmail page can show more people than that (a long Cc list, a big thread), and every one of
 * them gets a chip. Zod-free, so the content script can use it.
 */
import { MAX_LOOKUP_EMAILS } from './limits';
import type { Ask } from './messenger';
import type { LookupResult } from './protocol';
import type { LookupPriority } from '../lookup-priority';

export interface LookupOptions {
  /** The rep's own address, so the worker keeps their domain out of lookups. */
  signedInEmail?: string | null;
  /** The rep chose to log: looked up even with automatic lookups off. */
  forLogging?: boolean;
  /** List rows are asked for behind the open thread ('open' when absent). */
  priority?: LookupPriority | undefined;
}

// An address the worker left out of its answer was not looked up: say so, quietly.
const LEFT_OUT: LookupResult = { status: 'skipped', reason: 'never_lookup' };

/** `emails` in slices of at most MAX_LOOKUP_EMAILS, in order. */
export function lookupBatches(emails: readonly string[]): string[][] {
  const batches: string[][] = [];
  for (let start = 0; start < emails.length; start += MAX_LOOKUP_EMAILS) {
    batches.push(emails.slice(start, start + MAX_LOOKUP_EMAILS));
  }
  return batches;
}

/** One message for at most MAX_LOOKUP_EMAILS addresses; each gets an answer, failures included. */
export async function lookupBatch(
  ask: Ask,
  emails: string[],
  { signedInEmail, forLogging, priority }: LookupOptions = {},
): Promise<Record<string, LookupResult>> {
  const answer = await ask('lookupContacts', {
    emails,
    ...(signedInEmail ? { signedInEmail } : {}),
    ...(forLogging ? { forLogging } : {}),
    ...(priority ? { priority } : {}),
  });
  return Object.fromEntries(
    emails.map((email) => [
      email,
      answer.ok ? (answer.value[email] ?? LEFT_OUT) : { status: 'error', error: answer.error },
    ]),
  );
}

/**
 * Every address answered, however many: the batches are asked at once, and `onBatch` sees each
 * answer as it arrives, so the first people on a page need not wait for the last.
 */
export async function lookupAll(
  ask: Ask,
  emails: readonly string[],
  options: LookupOptions = {},
  onBatch?: (answers: Record<string, LookupResult>) => void,
): Promise<Record<string, LookupResult>> {
  const answers = await Promise.all(
    lookupBatches(emails).map(async (batch) => {
      const answer = await lookupBatch(ask, batch, options);
      onBatch?.(answer);
      return answer;
    }),
  );
  return Object.assign({}, ...answers) as Record<string, LookupResult>;
}
