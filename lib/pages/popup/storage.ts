import { contactNamesItem, recentContactsItem } from '../../shared/storage/items';
import { RECENT_LIMIT, type PickedContact } from '../../shared/storage/table';

/** Enough names for every contact a long offline stretch may leave in the outbox. */
const NAMES_LIMIT = 200;

export async function rememberContact(contact: PickedContact): Promise<void> {
  const [recent, names] = await Promise.all([
    recentContactsItem.getValue(),
    contactNamesItem.getValue(),
  ]);
  const kept = Object.entries(names).filter(([id]) => id !== contact.id);
  await Promise.all([
    recentContactsItem.setValue(
      [contact, ...recent.filter((c) => c.id !== contact.id)].slice(0, RECENT_LIMIT),
    ),
    // Newest last, so the oldest names go first.
    contactNamesItem.setValue(
      Object.fromEntries([...kept.slice(-(NAMES_LIMIT - 1)), [contact.id, contact.name]]),
    ),
  ]);
}
