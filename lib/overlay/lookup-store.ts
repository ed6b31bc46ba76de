/**
 * What the page knows about each participant, keyed by lower-cased email. Chips
 * subscribe to their email; the overlay asks for many emails at once so a thread
 * of ten people costs one message to the worker, not ten.
 */
import type { LookupState } from '../../components/view-types';
import type { AskWorker } from './ask-type';

export type LookupStore = ReturnType<typeof createLookupStore>;

const LOADING: LookupState = { status: 'loading' };
// The worker leaves out addresses it must not look up (privacy settings).
const SKIPPED: LookupState = { status: 'skipped' };

export function createLookupStore(ask: AskWorker) {
  const states = new Map<string, LookupState>();
  const listeners = new Map<string, Set<() => void>>();

  function set(email: string, state: LookupState) {
    states.set(email, state);
    listeners.get(email)?.forEach((listener) => listener());
  }

  async function fetch(emails: string[]) {
    if (emails.length === 0) return;
    for (const email of emails) set(email, LOADING);
    const answer = await ask('lookupContacts', { emails });
    for (const email of emails) {
      set(
        email,
        answer.ok ? (answer.value[email] ?? SKIPPED) : { status: 'error', error: answer.error },
      );
    }
  }

  return {
    get(email: string): LookupState {
      return states.get(email) ?? LOADING;
    },

    subscribe(email: string, listener: () => void): () => void {
      const set = listeners.get(email) ?? new Set();
      listeners.set(email, set.add(listener));
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(email);
      };
    },

    /** Looks up, in one message, the emails not known or asked for yet. */
    lookup(emails: Iterable<string>): Promise<void> {
      return fetch([...new Set(emails)].filter((email) => !states.has(email)));
    },

    /** Asks again, e.g. after a contact was added or the rep pressed "Try again". */
    refresh(emails: Iterable<string>): Promise<void> {
      return fetch([...new Set(emails)]);
    },

    /** Emails whose last lookup failed: worth asking again when the rep navigates. */
    failed(): string[] {
      return [...states].filter(([, state]) => state.status === 'error').map(([email]) => email);
    },
  };
}
