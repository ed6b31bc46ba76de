/**
 * Whom an email is logged for, decided from its people and the worker's lookups. Pure, so the
 * compose toggle can show exactly this before the send and the send logs exactly this.
 */
import type { Participant } from './people';
import type { LookupResult } from './messaging/protocol';

export type SkipReason = 'internal' | 'never_log' | 'not_in_vivre' | 'lookup_failed';

export interface Audience {
  /** Vivre contacts the email is logged for. */
  log: { email: string; name: string; contactId: string }[];
  /** People added to Vivre first, then logged for (only with "add unknown recipients" on). */
  add: { email: string; name: string | null }[];
  skipped: { email: string; reason: SkipReason }[];
  /** Every recipient is a colleague: nothing is logged, whatever the toggle says. */
  allInternal: boolean;
  /** Some lookups have not answered yet. */
  pending: boolean;
}

export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** A colleague: same domain as the signed-in account. Unknown account → nobody is internal. */
export function isInternal(email: string, signedIn: string | null): boolean {
  return signedIn !== null && domainOf(email) === domainOf(signedIn);
}

export function planAudience(
  people: readonly Pick<Participant, 'email' | 'name'>[],
  signedIn: string | null,
  lookups: Readonly<Record<string, LookupResult | undefined>>,
  addUnknown: boolean,
): Audience {
  const audience: Audience = { log: [], add: [], skipped: [], allInternal: false, pending: false };
  const others = people.filter((person) => person.email !== signedIn);
  for (const { email, name } of others) {
    const result = lookups[email];
    if (isInternal(email, signedIn)) audience.skipped.push({ email, reason: 'internal' });
    else if (!result) audience.pending = true;
    else if (result.status === 'found') {
      audience.log.push({ email, name: result.contact.name, contactId: result.contact.id });
    } else if (result.status === 'skipped') {
      audience.skipped.push({ email, reason: 'never_log' });
    } else if (result.status === 'not_found') {
      if (addUnknown) audience.add.push({ email, name });
      else audience.skipped.push({ email, reason: 'not_in_vivre' });
    } else {
      audience.skipped.push({ email, reason: 'lookup_failed' });
    }
  }
  audience.allInternal =
    others.length > 0 && others.every((person) => isInternal(person.email, signedIn));
  return audience;
}

/** "arjun.patel@x" → "Arjun Patel": a readable name for a contact the rep can rename later. */
export function nameFromAddress(email: string): string {
  const local = email.slice(0, email.indexOf('@')) || email;
  return local
    .split(/[._+-]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join(' ');
}

export function isEmpty(audience: Audience): boolean {
  return audience.log.length === 0 && audience.add.length === 0;
}
