/**
 * Two preferences the options page sets through the worker like every other: score chips in
 * Gmail's list views (which the content script reads from storage.local) and where "Open in
 * Vivre" goes. The worker is the only writer of every preference, so each is checked in one
 * place, whatever page sent it.
 */
import { validateAppUrl } from '../../shared/forms/settings';
import { inboxListPrefs, type InboxListPrefs } from '../../shared/inbox-list';
import { inboxListItem } from '../../shared/storage/items';
import { appUrlItem } from '../storage/items';
import { writesInTurn } from '../storage/in-turn';
import { VivreError } from '../vivre/errors';

export async function loadInboxList(): Promise<InboxListPrefs> {
  return inboxListPrefs(await inboxListItem.getValue());
}

/** In storage.local, where the content script reads it, so not a worker item: its own turns. */
const inboxListInTurn = writesInTurn();

/**
 * Writes what `change` makes of the list preferences, with no other write of them in between
 * (the rep's save and the organisation's policy applied at once); nothing when unchanged.
 */
export function updateInboxList(
  change: (current: InboxListPrefs) => InboxListPrefs,
): Promise<InboxListPrefs> {
  return inboxListInTurn(async () => {
    const current = await loadInboxList();
    const next = inboxListPrefs(change(current));
    // Both normalised by inboxListPrefs, so their JSON compares every field, in one order.
    if (JSON.stringify(next) !== JSON.stringify(current)) await inboxListItem.setValue(next);
    return next;
  });
}

export const saveInboxList = (prefs: InboxListPrefs): Promise<InboxListPrefs> =>
  updateInboxList(() => prefs);

export const loadAppUrl = (): Promise<string | null> => appUrlItem.getValue();

/** Kept without a trailing slash, or null for the address derived from the API's. */
export async function saveAppUrl(appUrl: string | null): Promise<string | null> {
  const checked = validateAppUrl(appUrl ?? '');
  if (!checked.ok)
    throw new VivreError({ kind: 'validation', param: 'appUrl', message: checked.message });
  await appUrlItem.setValue(checked.value);
  return checked.value;
}
