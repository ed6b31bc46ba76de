import { lookupAll } from '../../lib/shared/messaging/lookup-batches';
import type { Participant } from '../../lib/shared/people';
import type { PageOnTab, PickedContact, PopupServices } from './services-type';
import { pickContact } from './services-type';

const ROLE_ORDER: Record<Participant['role'], number> = { sender: 0, to: 1, cc: 2, bcc: 3 };

/** Each address on the page once: the sender first, then the recipients in Gmail's order. */
export function addressesByRole(participants: readonly Participant[]): string[] {
  return [
    ...new Set(
      participants
        .map((p, index) => ({ p, index }))
        .sort((a, b) => ROLE_ORDER[a.p.role] - ROLE_ORDER[b.p.role] || a.index - b.index)
        .map(({ p }) => p.email),
    ),
  ];
}

/**
 * The people on the active Gmail tab who are in Vivre, the sender first, then the
 * recipients in the order Gmail lists them. Those not in Vivre (or skipped by the
 * rep's privacy settings) are left out: the popup logs against existing contacts.
 */
export async function findPageContacts(
  services: PopupServices,
  page: PageOnTab,
): Promise<PickedContact[]> {
  const { participants } = page;
  if (participants.length === 0) return [];
  const emails = addressesByRole(participants);
  const answers = await lookupAll(services.ask, emails);
  return emails.flatMap((email) => {
    const result = answers[email];
    return result?.status === 'found' ? [pickContact(result.contact)] : [];
  });
}
