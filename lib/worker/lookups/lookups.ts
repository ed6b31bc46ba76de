/**
 * Answers "who in Vivre is this address?" for many addresses at once. `search` is
 * fuzzy, so each answer is the exact, case-insensitive email match among the results.
 * Concurrent lookups of one address share one request (./address-requests.ts); the HTTP
 * layer's shared limiter caps parallel requests and respects the rate limit.
 */
import { companyDomainOf, normalizeEmail } from '../../shared/address';
import type { ActivityPage, ContactDetails, LookupResult } from '../../shared/messaging/protocol';
import type { PrivacyPrefs } from '../../shared/settings';
import { isNeverLookup } from '../settings/privacy';
import type { VivreClient } from '../vivre/client';
import type { LookupPriority } from '../../shared/lookup-priority';
import type { Contact, Deal } from '../../shared/vivre/contract-types';
import { VivreError } from '../vivre/errors';
import type { CacheEntry, ContactCache } from './cache';
import type { ChipMirrorStore } from './mirror';
import { freshness } from './freshness';
import { cachedDetails, searchCached, unreachable } from './offline';
import { createAddressRequests, foundEntry } from './address-requests';

export interface LookupsDeps {
  client: VivreClient;
  cache: ContactCache;
  privacy: () => Promise<PrivacyPrefs>;
  now?: () => number;
  /** The scheduler's: a waiting lookup's ticket changed (priority raised, or dropped). */
  reprioritize?: () => void;
  /** What chips show, for new Gmail tabs (./mirror.ts); none in tests that do not ask. */
  mirror?: ChipMirrorStore;
}

interface LookupOptions {
  /** The rep asked for this one (logging an email); never-look-up still holds. */
  ignoreAutoLookupOff?: boolean;
  /** Default 'open': the open thread's and compose's people. */
  priority?: LookupPriority;
  /**
   * The Gmail account of the tab that asked: its domain is the rep's own, skipped as colleagues.
   * Two tabs of two accounts each get their own; without it, the domain last seen is used.
   */
  signedIn?: string;
  /** Who may give this lookup up (a Gmail tab's frame: `giveUp`); none: it never is. */
  asker?: string;
  /**
   * From `beginAsk`, when the message that asks reached the worker: `lookup` ends it. A give-up
   * made since drops what it names (./address-requests.ts). Begun by `lookup` when absent.
   */
  since?: number;
}

function toResult(entry: CacheEntry, stale: boolean): LookupResult {
  return entry.status === 'found'
    ? { status: 'found', contact: entry.contact, fetchedAt: entry.fetchedAt, stale }
    : { status: 'not_found', fetchedAt: entry.fetchedAt, stale };
}

function asRepError(error: unknown) {
  return error instanceof VivreError
    ? error.toRepError()
    : { kind: 'unknown' as const, message: 'Couldn’t look this person up in Vivre. Try again.' };
}

export function createLookups({
  client,
  cache,
  privacy,
  now = () => Date.now(),
  reprioritize = () => {},
  mirror,
}: LookupsDeps) {
  /**
   * Bumped when the cache is cleared (new connection settings, or the rep's choice): an answer
   * asked for before is not written into the cache after, so no answer from a previous
   * workspace or key ever enters it.
   */
  let generation = 0;
  /** Caches what `write` caches, unless the cache was cleared since `asked`. */
  const keepIfCurrent = (asked: number, write: () => Promise<void>) =>
    asked === generation ? write() : Promise.resolve();
  const requests = createAddressRequests({
    client,
    now,
    reprioritize,
    keeper: () => {
      const asked = generation;
      return (found) => keepIfCurrent(asked, () => cache.put(found));
    },
  });

  /**
   * Mirrors what chips show of these answers for new tabs, as the privacy settings stand when
   * the mirror is written (not when asked): only while automatic lookups are on (logging asks
   * with them off), never a never-look-up address.
   */
  const mirrorShown = (answers: Record<string, LookupResult>) =>
    mirror?.remember(answers, async () => {
      const prefs = await privacy();
      return prefs.autoLookup ? (email) => !isNeverLookup(email, prefs) : null;
    }) ?? Promise.resolve();

  /** Why `email` is not looked up, if it is not. */
  function skipped(
    email: string,
    prefs: PrivacyPrefs,
    { ignoreAutoLookupOff = false }: LookupOptions,
  ): LookupResult | undefined {
    if (!prefs.autoLookup && !ignoreAutoLookupOff)
      return { status: 'skipped', reason: 'auto_lookup_off' };
    if (isNeverLookup(email, prefs)) return { status: 'skipped', reason: 'never_lookup' };
    return undefined;
  }

  /** The cached answer when fresh (or stale, refreshed behind it); else Vivre's. */
  async function answer(
    email: string,
    cached: CacheEntry | undefined,
    { priority = 'open', asker }: LookupOptions,
    since: number,
  ): Promise<LookupResult> {
    const age = cached ? freshness(cached, now()) : 'expired';
    if (cached && age === 'fresh') return toResult(cached, false);
    if (cached && age === 'stale') {
      // A failed refresh keeps the stale answer; the next lookup tries again.
      requests.fetch(email, priority, asker, since).catch(() => undefined);
      return toResult(cached, true);
    }
    try {
      return toResult(await requests.fetch(email, priority, asker, since), false);
    } catch (error) {
      return { status: 'error', error: asRepError(error) };
    }
  }

  /** Reads the settings and the cache, then answers or fetches each address (not awaited). */
  async function startAsking(emails: string[], options: LookupOptions, since: number) {
    const stored = await privacy();
    const prefs = options.signedIn
      ? { ...stored, ownDomain: companyDomainOf(normalizeEmail(options.signedIn)) }
      : stored;
    const unique = [...new Set(emails.map(normalizeEmail))];
    const asked = generation;
    const wanted = unique.filter((email) => !skipped(email, prefs, options));
    const cached = await cache.getMany(wanted).catch(() => []);
    const inCache = new Map(wanted.map((email, i) => [email, cached[i]]));
    const asking = unique.map(
      (email) =>
        skipped(email, prefs, options) ?? answer(email, inCache.get(email), options, since),
    );
    return { unique, asked, asking };
  }

  return {
    async lookup(
      emails: string[],
      options: LookupOptions = {},
    ): Promise<Record<string, LookupResult>> {
      // A give-up that arrives while the settings and the cache are read still drops what it
      // names (./address-requests.ts).
      const since = options.since ?? requests.beginAsk();
      let started: Awaited<ReturnType<typeof startAsking>>;
      try {
        started = await startAsking(emails, options, since);
      } finally {
        requests.endAsk(since); // every fetch is made (or dropped) by now
      }
      const { unique, asked, asking } = started;
      const results = await Promise.all(asking);
      const answers = Object.fromEntries(unique.map((email, i) => [email, results[i]!]));
      // Not waited for: the tab that asked has its answer from this message.
      void keepIfCurrent(asked, () => mirrorShown(answers)).catch(() => undefined);
      return answers;
    },

    /** A Gmail tab's rows or thread left the page: their requests still queued may go unsent. */
    giveUp: requests.giveUp,
    /** For a caller that awaits before `lookup`: pass the result as `since`, or `endAsk` it. */
    beginAsk: requests.beginAsk,
    endAsk: requests.endAsk,

    /** The rep changed who is looked up: the mirror keeps only what lookups would still show. */
    async privacyChanged(next: PrivacyPrefs): Promise<void> {
      if (!next.autoLookup) return mirror?.clear();
      await mirror?.drop((email) => isNeverLookup(email, next));
    },

    /** Vivre refused the key, or the rep withdrew data consent: chips show nothing until asked. */
    forgetShown: () => mirror?.clear() ?? Promise.resolve(),

    /** Vivre's answer, kept for offline use; unreachable, the copy kept last time (if any). */
    async getContactDetails(contactId: string): Promise<ContactDetails> {
      const asked = generation;
      // When the reads began: a write Vivre had by then is in what they answer. The card stops
      // laying its own writes over the answer only for those (components/card/deal-writes.ts).
      const fetchedAt = now();
      try {
        const [contact, deals, activityList] = await Promise.all([
          client.getContact(contactId),
          client.listDeals(contactId),
          client.pageActivities(contactId),
        ]);
        const details: ContactDetails = {
          contact,
          deals,
          activities: activityList?.data ?? null,
          // The panel's timeline pages on from here, knowing how far there is to go.
          ...(activityList ? { activitiesTotal: activityList.total } : {}),
          fetchedAt,
        };
        await keepIfCurrent(asked, async () => {
          await cache.put(foundEntry(contact, details.fetchedAt)).catch(() => undefined);
          await cache.putDetails(details).catch(() => undefined);
        });
        return details;
      } catch (error) {
        const kept = unreachable(error) ? await cachedDetails(cache, contactId, now()) : undefined;
        if (kept) return { ...kept, cached: true };
        throw error;
      }
    },

    /**
     * A contact's deals alone (null: this Vivre lists none); unreachable, those of the details
     * kept last time (if any).
     */
    async dealsOf(contactId: string): Promise<Deal[] | null> {
      try {
        return await client.listDeals(contactId);
      } catch (error) {
        const kept = unreachable(error) ? await cachedDetails(cache, contactId, now()) : undefined;
        if (kept) return kept.deals;
        throw error;
      }
    },

    /** One page of a contact's activity, newest first, with the total; null: not offered. */
    async activityPage(
      contactId: string,
      page: { offset: number; limit: number },
    ): Promise<ActivityPage | null> {
      const list = await client.pageActivities(contactId, page);
      return list && { activities: list.data, total: list.total };
    },

    /** Vivre's search; unreachable, the contacts this browser has cached that match. */
    async searchContacts(query: string): Promise<Contact[]> {
      try {
        return (await client.listContacts({ search: query.trim(), limit: 20 })).data;
      } catch (error) {
        if (!unreachable(error)) throw error;
        const kept = await searchCached(cache, query, 20);
        if (kept.length === 0) throw error;
        return kept;
      }
    },

    /** The extension changed this contact: forget what we knew and keep what Vivre just answered. */
    async contactChanged(contact: Contact): Promise<void> {
      await cache.forgetContact(contact.id);
      const entry = foundEntry(contact, now());
      await cache.put(entry);
      await mirrorShown({ [entry.email]: toResult(entry, false) }).catch(() => undefined);
    },

    forgetContact: (contactId: string) => cache.forgetContact(contactId),

    /** Vivre already had this address (a create answered 409): ask again next time. */
    async forgetEmail(email: string) {
      await mirror?.drop((mirrored) => mirrored === normalizeEmail(email)).catch(() => undefined);
      await cache.forget(normalizeEmail(email));
    },

    /** Forgets every answer, and every answer still on its way (see `generation`). */
    clear() {
      generation++;
      requests.clear();
      return Promise.all([cache.clear(), mirror?.clear()]).then(() => undefined);
    },
  };
}

export type Lookups = ReturnType<typeof createLookups>;
