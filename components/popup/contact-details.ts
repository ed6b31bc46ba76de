/**
 * The picked contact's deals and activities, asked of the worker once per contact. Offline the
 * worker answers from its copy of the last details it fetched (lib/worker/lookups/offline.ts),
 * so the Deal menu keeps the contact's deals; this says which case the rep is looking at.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ContactDetails, RepError } from '../../lib/shared/messaging/protocol';
import { timeAgo } from '../../lib/shared/labels';
import type { PopupServices } from './services-type';

export interface DetailsState {
  contactId: string | null;
  details: ContactDetails | null;
  error: RepError | null;
}

const NONE: DetailsState = { contactId: null, details: null, error: null };

export function useContactDetails(contactId: string | null, ask: PopupServices['ask']) {
  const [state, setState] = useState<DetailsState>(NONE);
  useEffect(() => {
    setState({ ...NONE, contactId });
    // A contact created offline (temporary id) is not in Vivre yet: nothing to ask.
    if (!contactId || contactId.startsWith('tmp_')) return;
    let current = true;
    void ask('getContactDetails', { contactId }).then((answer) => {
      if (!current) return;
      setState(
        answer.ok
          ? { contactId, details: answer.value, error: null }
          : { contactId, details: null, error: answer.error },
      );
    });
    return () => {
      current = false;
    };
  }, [contactId]);
  return state.contactId === contactId ? state : { ...NONE, contactId };
}

/** One sentence under the Deal menu when its list is not simply Vivre's, fresh. */
export function dealsNote(
  state: DetailsState,
  name: string,
  offline: boolean,
  now: number,
): string | null {
  if (!state.contactId || state.contactId.startsWith('tmp_')) return null;
  if (state.details) {
    return offline ? `Offline — deals as of ${timeAgo(state.details.fetchedAt, now)}.` : null;
  }
  if (!state.error) return 'Loading deals…';
  if (state.error.kind === 'offline' || offline) {
    return `Offline, and ${name}’s deals aren’t saved on this computer yet — check Vivre before creating one.`;
  }
  return `${name}’s deals couldn’t be loaded, so only a new deal can be picked.`;
}
