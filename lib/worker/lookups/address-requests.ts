/**
 * Vivre's answer for one address, asked once however many tabs and chips ask: concurrent asks
 * share one request; a more urgent ask (a row scrolled into view, the thread opened) raises its
 * place in the scheduler's queue; and a request still queued that every asker has given up on
 * (rows of an inbox page Gmail no longer shows) is dropped, never sent, so a long day's lookups
 * do not land a minute after the pages that wanted them are gone.
 */
import { normalizeEmail } from '../../shared/address';
import type { LookupPriority } from '../../shared/lookup-priority';
import type { Contact } from '../../shared/vivre/contract-types';
import type { VivreClient } from '../vivre/client';
import { Dropped, outranks, type RequestTicket } from '../vivre/rate-limiter';
import type { CacheEntry } from './cache';

const SEARCH_LIMIT = 50;
const MAX_SEARCH_PAGES = 3;

export function foundEntry(contact: Contact, fetchedAt: number): CacheEntry {
  return {
    email: normalizeEmail(contact.email),
    status: 'found',
    contact,
    contactId: contact.id,
    fetchedAt,
  };
}

export interface AddressRequestsDeps {
  client: VivreClient;
  now: () => number;
  /** The scheduler's: a waiting request's ticket changed (raised, or dropped). */
  reprioritize: () => void;
  /**
   * Made as a request starts: caches its answer (after it is handed to whoever asked), unless
   * the cache was cleared since (./lookups.ts).
   */
  keeper: () => (entry: CacheEntry) => Promise<void>;
}

interface InFlight {
  entry: Promise<CacheEntry>;
  ticket: RequestTicket;
  /**
   * Who asked and may give up (a Gmail tab's frame). A frame gives an address up only once none
   * of its chips shows it, so one entry stands for all of that frame's asks.
   */
  askers: Set<string>;
  /** Asks that never give up: the rep's pages, logging, a cache refresh. */
  steady: number;
}

export function createAddressRequests({ client, now, reprioritize, keeper }: AddressRequestsDeps) {
  const inFlight = new Map<string, InFlight>();
  const giveUps = createGiveUpLog();

  /** A fuzzy search may rank the exact address low: look a few pages deep before saying "not in Vivre". */
  async function findExact(email: string, ticket: RequestTicket): Promise<Contact | undefined> {
    for (let page = 0; page < MAX_SEARCH_PAGES; page++) {
      const offset = page * SEARCH_LIMIT;
      const query = { search: email, limit: SEARCH_LIMIT, offset };
      const results = await client.listContacts(query, undefined, ticket);
      const match = results.data.find((contact) => normalizeEmail(contact.email) === email);
      if (match || offset + results.data.length >= results.total || results.data.length === 0)
        return match;
    }
    return undefined;
  }

  function start(email: string, priority: LookupPriority): InFlight {
    const ticket: RequestTicket = { priority };
    const keep = keeper();
    const entry = findExact(email, ticket).then((match): CacheEntry =>
      match ? foundEntry(match, now()) : { email, status: 'not_found', fetchedAt: now() },
    );
    const request: InFlight = { entry, ticket, askers: new Set(), steady: 0 };
    // Answered as soon as Vivre has: the chip waits for Vivre, not for the disk. The address
    // stays in flight until it is cached, so no ask in between sends a second request.
    void entry
      .then(keep)
      .catch(() => undefined)
      .finally(() => {
        if (inFlight.get(email) === request) inFlight.delete(email);
      });
    inFlight.set(email, request);
    return request;
  }

  return {
    /**
     * Marks the start of an ask that reads the cache before it fetches: a give-up that arrives
     * meanwhile still drops its requests (`fetch`'s `since`). End it once its fetches are made.
     */
    beginAsk: giveUps.begin,
    endAsk: giveUps.end,

    /**
     * `asker`: who may give this ask up (./lookups.ts); none for an ask that never does.
     * `since`: from `beginAsk`, when the ask began: an address its asker gave up after that is
     * not fetched.
     */
    fetch(
      email: string,
      priority: LookupPriority,
      asker?: string,
      since?: number,
    ): Promise<CacheEntry> {
      if (asker !== undefined && since !== undefined && giveUps.after(since, asker, email))
        return Promise.reject(new Dropped());
      const pending = inFlight.get(email);
      if (pending && outranks(priority, pending.ticket.priority)) {
        pending.ticket.priority = priority;
        reprioritize();
      }
      const request = pending ?? start(email, priority);
      if (asker === undefined) request.steady++;
      else request.askers.add(asker);
      return request.entry;
    },

    /**
     * `asker` no longer wants these addresses: a request nobody else waits for and not yet sent
     * is dropped (its asks are answered with an error, which the asker ignores).
     */
    giveUp(emails: Iterable<string>, asker: string): void {
      let dropped = false;
      for (const email of emails) {
        giveUps.note(asker, normalizeEmail(email));
        const request = inFlight.get(normalizeEmail(email));
        if (!request?.askers.delete(asker)) continue;
        if (request.steady > 0 || request.askers.size > 0 || request.ticket.started) continue;
        request.ticket.dropped = true;
        inFlight.delete(normalizeEmail(email));
        dropped = true;
      }
      if (dropped) reprioritize();
    },

    /** Forgets every request: new asks start afresh (their answers may still come). */
    clear: () => inFlight.clear(),
  };
}

/**
 * Give-ups recent enough to matter to an ask still reading the cache. A tab gives up its rows'
 * lookups as soon as Gmail removes them, and under load that message can overtake the ask it
 * cancels while the ask waits for the cache (IndexedDB queues a read behind the writes before
 * it): found nowhere in flight, the give-up was lost, and every row of every inbox page the rep
 * paged past was still looked up, the current page's waiting behind them. Kept only while an
 * ask that began before them is pending, so it stays as small as what is in progress.
 */
function createGiveUpLog() {
  let count = 0;
  /** `asker email` → the count at its last give-up; insertion order is count order. */
  const log = new Map<string, number>();
  /** Pending asks by the count they began at. */
  const pending = new Map<number, number>();
  const key = (asker: string, email: string) => `${asker} ${email}`;

  return {
    begin(): number {
      pending.set(count, (pending.get(count) ?? 0) + 1);
      return count;
    },
    end(since: number): void {
      const left = (pending.get(since) ?? 1) - 1;
      if (left > 0) pending.set(since, left);
      else pending.delete(since);
      // The oldest pending ask began first (counts only grow): older give-ups matter to none.
      const oldest = pending.keys().next();
      for (const [entry, at] of log) {
        if (!oldest.done && at > oldest.value) break;
        log.delete(entry);
      }
    },
    note(asker: string, email: string): void {
      if (pending.size === 0) return;
      const entry = key(asker, email);
      log.delete(entry); // newest last
      log.set(entry, ++count);
    },
    after(since: number, asker: string, email: string): boolean {
      return (log.get(key(asker, email)) ?? 0) > since;
    },
  };
}
