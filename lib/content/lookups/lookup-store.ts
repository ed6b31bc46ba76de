/**
 * What this Gmail tab knows about each person, keyed by lower-cased email: the one memory of
 * lookups in the content script. Chips subscribe to their email, and a thread of ten people
 * costs one message to the worker, not ten. Email logging keeps its own answers beside them
 * (`forLogging`): those are asked for even when automatic lookups are off, because the rep
 * chose to log, and must not turn chips on when the rep turned lookups off. A new tab's first
 * chips come from the chip mirror (./mirror.ts) while the worker is asked.
 */
import { lookupAll, lookupBatches } from '../../shared/messaging/lookup-batches';
import type { Ask } from '../../shared/messaging/messenger';
import type { LookupResult } from '../../shared/messaging/protocol';
import type { LookupState } from '../../../components/common/view-types';
import type { LookupPriority } from '../../shared/lookup-priority';
import type { ChipMirror } from '../../shared/storage/table';
import { mirroredAnswer } from './mirror';

export type LookupStore = ReturnType<typeof createLookupStore>;

const LOADING: LookupState = { status: 'loading' };

/**
 * A rep never closes Gmail, and a day in one tab meets thousands of people: past this many, the
 * answers no chip shows are forgotten, oldest first (asked again if that person comes back).
 */
export const MAX_KNOWN_PEOPLE = 2000;

/** Keeps the newest `max` of `map`'s entries that `keep` does not hold on to. */
function forgetOldest<V>(map: Map<string, V>, max: number, keep: (key: string) => boolean) {
  for (const key of map.keys()) {
    if (map.size <= max) return;
    if (!keep(key)) map.delete(key);
  }
}

function hasData(state: LookupState | undefined): boolean {
  return state?.status === 'found' || state?.status === 'not_found';
}

/**
 * `mirror`: the chip mirror, read as the tab starts (./mirror.ts), and who is signed in to the
 * tab; without it, every chip waits for the worker.
 */
export function createLookupStore(
  ask: Ask,
  mirror?: { read: Promise<ChipMirror>; signedIn: () => string | null },
) {
  const states = new Map<string, LookupState>();
  const listeners = new Map<string, Set<() => void>>();
  const forLogging = new Map<string, LookupResult>();
  let mirrored: ChipMirror | undefined;
  void mirror?.read.then((read) => (mirrored = read));
  /** The mirror's answer, once it is read: a chip drawn before its lookup starts with it. */
  const fromMirror = (email: string, signedIn = mirror?.signedIn()) =>
    mirrored && mirroredAnswer(mirrored, email, signedIn);

  /**
   * Chips still waiting that left the page (a whole inbox page at once): the worker need not send
   * their lookups for this tab. Told once the task that removed them is done, and only of those
   * no chip shows again meanwhile; they are forgotten, so a chip that comes back asks again.
   */
  const givingUp = new Set<string>();
  /** Asks made so far, and for each person given up the last ask made before. */
  let asks = 0;
  const gaveUpAfter = new Map<string, number>();
  function giveUpSoon(email: string) {
    if (givingUp.size === 0) queueMicrotask(giveUp);
    givingUp.add(email);
  }
  function giveUp() {
    const gone = [...givingUp].filter((e) => !listeners.has(e) && states.get(e) === LOADING);
    givingUp.clear();
    for (const email of gone) {
      states.delete(email);
      gaveUpAfter.delete(email); // newest last, as for chips
      gaveUpAfter.set(email, asks);
    }
    forgetOldest(gaveUpAfter, MAX_KNOWN_PEOPLE, () => false);
    for (const emails of lookupBatches(gone)) void ask('giveUpLookups', { emails });
  }

  function set(email: string, state: LookupState) {
    states.delete(email); // newest last, so the oldest are first to go
    states.set(email, state);
    listeners.get(email)?.forEach((listener) => listener());
    forgetOldest(states, MAX_KNOWN_PEOPLE, (known) => listeners.has(known));
  }

  /** Calls `listener` when `email`'s state changes; the last to leave gives a lookup still loading up. */
  function subscribe(email: string, listener: () => void): () => void {
    const forEmail = listeners.get(email) ?? new Set();
    listeners.set(email, forEmail.add(listener));
    return () => {
      forEmail.delete(listener);
      if (forEmail.size > 0) return;
      listeners.delete(email);
      if (states.get(email) === LOADING) giveUpSoon(email);
    };
  }

  async function fetch(emails: string[], signedInEmail?: string | null, priority?: LookupPriority) {
    if (emails.length === 0) return;
    const thisAsk = ++asks;
    // A chip with data keeps showing it while it is refreshed: no flash of "loading".
    for (const email of emails)
      if (!hasData(states.get(email))) set(email, fromMirror(email, signedInEmail) || LOADING);
    if (mirror && !mirrored) {
      await mirror.read; // not read yet: the worker is asked once it is
      for (const email of emails) {
        const answer = states.get(email) === LOADING && fromMirror(email, signedInEmail);
        if (answer) set(email, answer);
      }
    }
    // More people than one message holds go in several; each chip updates with its batch.
    await lookupAll(ask, emails, { signedInEmail, priority }, (answers) => {
      for (const [email, answer] of Object.entries(answers)) {
        // The error a lookup given up is answered with is not shown: a chip that comes back
        // has asked again, and waits for that answer.
        const givenUp = thisAsk <= (gaveUpAfter.get(email) ?? 0);
        if (answer.status !== 'error' || !givenUp) set(email, answer);
      }
    });
  }

  return {
    get(email: string): LookupState {
      return states.get(email) ?? fromMirror(email) ?? LOADING;
    },

    /** Whether this tab knows `email` or has asked for it (else `lookup` asks). */
    has: (email: string): boolean => states.has(email),

    subscribe,

    /**
     * Keeps `email`'s lookup wanted though no chip shows it yet (one waiting for the viewport):
     * let go, it is given up like the lookup of a chip that left. Returns the release.
     */
    hold: (email: string): (() => void) => subscribe(email, () => {}),

    /**
     * Looks up the emails not known or asked for yet (one message per 200 of them). `priority`: list rows
     * are asked for behind the open thread ('open' when absent).
     */
    lookup(
      emails: Iterable<string>,
      signedInEmail?: string | null,
      priority?: LookupPriority,
    ): Promise<void> {
      const unknown = [...new Set(emails)].filter((email) => !states.has(email));
      return fetch(unknown, signedInEmail, priority);
    },

    /** Asks again, e.g. after a contact was added, the rep pressed "Try again", a row came into view. */
    refresh(
      emails: Iterable<string>,
      signedInEmail?: string | null,
      priority?: LookupPriority,
    ): Promise<void> {
      return fetch([...new Set(emails)], signedInEmail, priority);
    },

    /** Emails whose lookup failed or came from a stale cache: worth asking again on navigation. */
    worthRefreshing(): string[] {
      return [...states]
        .filter(([, state]) => state.status === 'error' || ('stale' in state && state.stale))
        .map(([email]) => email);
    },

    /** Answers asked for logging an email, or null while any is missing. */
    knownForLogging(emails: string[]): Record<string, LookupResult> | null {
      const found = emails.map((email) => forLogging.get(email));
      if (found.some((answer) => answer === undefined)) return null;
      return Object.fromEntries(emails.map((email, i) => [email, found[i]!]));
    },

    /** Whether logging needs to ask about any of these (never asked, or the answer failed). */
    needsAskingForLogging(emails: string[]): boolean {
      return emails.some((email) => (forLogging.get(email)?.status ?? 'error') === 'error');
    },

    /** Asks the worker for logging (it answers from its cache when it can, offline too). */
    async resolveForLogging(
      emails: string[],
      signedInEmail: string | null,
    ): Promise<Record<string, LookupResult>> {
      if (emails.length === 0) return {};
      const answers = await lookupAll(ask, emails, { signedInEmail, forLogging: true });
      for (const email of emails) {
        forLogging.delete(email); // newest last, as for chips
        forLogging.set(email, answers[email]!);
      }
      const asked = new Set(emails);
      forgetOldest(forLogging, MAX_KNOWN_PEOPLE, (email) => asked.has(email));
      return answers;
    },
  };
}
