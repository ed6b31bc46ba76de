import { RECENT_LIMIT, recentContactsItem, type PickedContact } from '../../shared/storage';

export async function rememberRecentContact(contact: PickedContact): Promise<void> {
  const recent = await recentContactsItem.getValue();
  await recentContactsItem.setValue(
    [contact, ...recent.filter((c) => c.id !== contact.id)].slice(0, RECENT_LIMIT),
  );
}
