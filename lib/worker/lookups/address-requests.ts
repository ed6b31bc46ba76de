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
import { outranks, type RequestTicket } from '../vivre/rate-limiter';
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
    /** `asker`: who may give this ask up (./lookups.ts); none for an ask that never does. */
    fetch(email: string, priority: LookupPriority, asker?: string): Promise<CacheEntry> {
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
