/**
 * The people the panel lists for a Gmail page, by the chips' rules: the sender first, then the
 * recipients in Gmail's order, each once; nobody the chips leave out (colleagues and others on the
 * never-look-up list, anyone while Vivre is not connected). Pure: the lookups come in answered.
 */
import type { LookupResult } from '../../lib/shared/messaging/protocol';
import type { Participant } from '../../lib/shared/people';
import type { LookupState } from '../common/view-types';
import { isChipShown } from '../gmail/chip';
import { addressesByRole } from '../popup/page-contacts';

export interface PanelPerson {
  email: string;
  /** The name Gmail shows, else Vivre's, else null. */
  name: string | null;
  lookup: LookupState;
}

export function peopleOnPage(
  participants: readonly Participant[],
  answers: Record<string, LookupResult>,
): PanelPerson[] {
  return addressesByRole(participants).flatMap((email) => {
    const lookup: LookupState = answers[email] ?? { status: 'loading' };
    if (!isChipShown(lookup)) return [];
    const shownName = participants.find((p) => p.email === email && p.name)?.name ?? null;
    const name = shownName ?? (lookup.status === 'found' ? lookup.contact.name : null);
    return [{ email, name, lookup }];
  });
}

/** Who the panel opens when a page's people arrive: the one open before if still there, else the first. */
export function personToOpen(people: readonly PanelPerson[], open: string | null): string | null {
  if (open !== null && people.some((person) => person.email === open)) return open;
  return people[0]?.email ?? null;
}
