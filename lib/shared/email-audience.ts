/**
 * Whom an email is logged for, decided from its people and the worker's lookups. Pure, so the
 * compose toggle can show exactly this before the send and the send logs exactly this.
 */
import { isColleague } from './address';
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
    if (isColleague(email, signedIn)) audience.skipped.push({ email, reason: 'internal' });
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
    others.length > 0 && others.every((person) => isColleague(person.email, signedIn));
  return audience;
}

export function isEmpty(audience: Audience): boolean {
  return audience.log.length === 0 && audience.add.length === 0;
}
