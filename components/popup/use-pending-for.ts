/**
 * The writes the outbox still holds for the contact shown, asked of the worker (listPendingFor)
 * when the contact or its deals change and each time the worker publishes the outbox anew, so
 * a write made, synced or discarded elsewhere shows here too. The feed alone would not do: it
 * holds the oldest waiting writes, and the one that matters is usually the newest.
 */
import { useEffect, useState } from 'preact/hooks';
import type { OutboxItemView } from '../../lib/shared/messaging/protocol';
import type { OutboxFeed } from '../../lib/shared/storage/table';
import type { PopupServices } from './services-type';

const NONE: readonly OutboxItemView[] = [];

export function usePendingFor(
  ask: PopupServices['ask'],
  contactId: string | null,
  dealIds: readonly string[],
  /** The published outbox: a new version is the cue to ask again. */
  outbox: OutboxFeed | null,
): readonly OutboxItemView[] {
  const [state, setState] = useState<Answered>({ contactId: null, pending: NONE });
  const dealKey = dealIds.join(' ');
  useEffect(() => {
    // Nothing waits, so nothing to ask (an outbox not published yet this session may still
    // hold writes: then ask).
    if (!contactId || (outbox && outbox.counts.waiting + outbox.counts.attention === 0)) {
      setState({ contactId, pending: NONE });
      return;
    }
    let current = true;
    const asked = ask('listPendingFor', { contactId, dealIds: dealKey ? dealKey.split(' ') : [] });
    void asked.then(
      (answer) => {
        if (current && answer.ok) setState({ contactId, pending: answer.value });
      },
      () => {},
    );
    return () => {
      current = false;
    };
  }, [contactId, dealKey, outbox]);
  // Until the worker answers for this contact (or if it cannot: an older worker), the feed's
  // first page is the best known, and never less than what was shown before this change.
  return state.contactId === contactId ? state.pending : feedItems(outbox);
}

interface Answered {
  contactId: string | null;
  pending: readonly OutboxItemView[];
}

function feedItems(outbox: OutboxFeed | null): readonly OutboxItemView[] {
  return outbox ? [...outbox.waiting, ...outbox.attention] : NONE;
}
