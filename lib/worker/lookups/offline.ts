/**
 * What the lookups answer when Vivre cannot be reached: the last details fetched for a contact
 * (so the popup's Deal menu and the card keep the contact's deals and activity), and a search
 * of the contacts this browser has cached. Only for failures that say nothing about the data
 * (no network, a timeout, Vivre down or busy); a refused key or a deleted contact is answered
 * as it is.
 */
import type { ContactDetails } from '../../shared/messaging/protocol';
import type { Contact } from '../../shared/vivre/contract-types';
import { VivreError } from '../vivre/errors';
import type { ContactCache } from './cache';
import { STALE_MS } from './freshness';

const UNREACHABLE = new Set(['offline', 'unknown', 'server', 'rate_limited']);

export function unreachable(error: unknown): error is VivreError {
  return error instanceof VivreError && UNREACHABLE.has(error.kind);
}

/** Details as last fetched, when they are no older than a cached contact may be served. */
export async function cachedDetails(
  cache: ContactCache,
  contactId: string,
  now: number,
): Promise<ContactDetails | undefined> {
  const details = await cache.getDetails(contactId).catch(() => undefined);
  const age = details ? now - details.fetchedAt : Infinity;
  return age >= 0 && age < STALE_MS.found ? details : undefined;
}

/** Cached contacts where every word of `query` is in the name, email or company, newest first. */
export async function searchCached(
  cache: ContactCache,
  query: string,
  limit: number,
): Promise<Contact[]> {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const newest = new Map<string, { contact: Contact; fetchedAt: number }>();
  for (const entry of await cache.contacts().catch(() => [])) {
    const known = newest.get(entry.contact.id);
    if (!known || known.fetchedAt < entry.fetchedAt) newest.set(entry.contact.id, entry);
  }
  return [...newest.values()]
    .filter(({ contact }) => {
      const text = [contact.name, contact.email, contact.company ?? ''].join('\n').toLowerCase();
      return words.every((word) => text.includes(word));
    })
    .sort((a, b) => b.fetchedAt - a.fetchedAt)
    .slice(0, limit)
    .map(({ contact }) => contact);
}
