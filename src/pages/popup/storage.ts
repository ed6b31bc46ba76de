import { storage } from 'wxt/utils/storage';
import type { Draft, PickedContact } from './services-type';

/** Session storage: a draft survives the popup closing but not the browser, nor a sign-out. */
export const draftItem = storage.defineItem<Draft | null>('session:vivreDraft', { fallback: null });

export const RECENT_LIMIT = 5;
export const recentContactsItem = storage.defineItem<PickedContact[]>('local:vivreRecentContacts', {
  fallback: [],
});

export async function rememberRecentContact(contact: PickedContact): Promise<void> {
  const recent = await recentContactsItem.getValue();
  await recentContactsItem.setValue(
    [contact, ...recent.filter((c) => c.id !== contact.id)].slice(0, RECENT_LIMIT),
  );
}
