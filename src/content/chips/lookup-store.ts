/**
 * What the page knows about each participant, keyed by lower-cased email. Chips
 * subscribe to their email; the overlay asks for many emails at once so a thread
 * of ten people costs one message to the worker, not ten.
 */
import type { LookupState } from '../../ui/view-types';
import type { Ask } from '../../shared/messaging/messenger';

export type LookupStore = ReturnType<typeof createLookupStore>;

const LOADING: LookupState = { status: 'loading' };
// An address the worker left out of its answer was not looked up: say so, quietly.
const LEFT_OUT: LookupState = { status: 'skipped', reason: 'never_lookup' };

function hasData(state: LookupState | undefined): boolean {
  return state?.status === 'found' || state?.status === 'not_found';
}

export function createLookupStore(ask: Ask) {
  const states = new Map<string, LookupState>();
  const listeners = new Map<string, Set<() => void>>();

  function set(email: string, state: LookupState) {
    states.set(email, state);
    listeners.get(email)?.forEach((listener) => listener());
  }

  async function fetch(emails: string[], signedInEmail?: string | null) {
    if (emails.length === 0) return;
    // A chip with data keeps showing it while it is refreshed: no flash of "loading".
    for (const email of emails) if (!hasData(states.get(email))) set(email, LOADING);
    // The signed-in address lets the worker keep the rep's own domain out of lookups.
    const data = signedInEmail ? { emails, signedInEmail } : { emails };
    const answer = await ask('lookupContacts', data);
    for (const email of emails) {
      const state: LookupState = answer.ok
        ? (answer.value[email] ?? LEFT_OUT)
        : { status: 'error', error: answer.error };
      set(email, state);
    }
  }

  return {
    get(email: string): LookupState {
      return states.get(email) ?? LOADING;
    },

    subscribe(email: string, listener: () => void): () => void {
      const forEmail = listeners.get(email) ?? new Set();
      listeners.set(email, forEmail.add(listener));
      return () => {
        forEmail.delete(listener);
        if (forEmail.size === 0) listeners.delete(email);
      };
    },

    /** Looks up, in one message, the emails not known or asked for yet. */
    lookup(emails: Iterable<string>, signedInEmail?: string | null): Promise<void> {
      const unknown = [...new Set(emails)].filter((email) => !states.has(email));
      return fetch(unknown, signedInEmail);
    },

    /** Asks again, e.g. after a contact was added or the rep pressed "Try again". */
    refresh(emails: Iterable<string>, signedInEmail?: string | null): Promise<void> {
      return fetch([...new Set(emails)], signedInEmail);
    },

    /** Emails whose lookup failed or came from a stale cache: worth asking again on navigation. */
    worthRefreshing(): string[] {
      return [...states]
        .filter(([, state]) => state.status === 'error' || ('stale' in state && state.stale))
        .map(([email]) => email);
    },
  };
}
