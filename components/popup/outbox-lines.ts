/**
 * How the popup names an outbox item: the type and the person ("Call with Rahul Sharma"), and
 * the start of its note, so a rep can tell five waiting calls apart. Pure.
 */
import type { OutboxItemView, WriteRequest } from '../../lib/shared/messaging/protocol';
import { ACTIVITY_WORDS, STAGE_WORDS } from '../../lib/shared/labels';

const EXCERPT = 80;

export interface ItemLine {
  /** Who and what: also names the item's buttons for screen readers. */
  title: string;
  /** The start of the note, on one line; null when there is none. */
  excerpt: string | null;
}

function excerpt(text: string | null | undefined): string | null {
  const line = (text ?? '').replace(/\s+/g, ' ').trim();
  if (!line) return null;
  return line.length > EXCERPT ? `${line.slice(0, EXCERPT - 1).trimEnd()}…` : line;
}

/** A contact's name: known to the popup, or created in the same outbox (temporary id). */
function nameOf(
  contactId: string,
  names: Record<string, string>,
  writes: WriteRequest[],
): string | null {
  const created = writes.find((w) => w.kind === 'createContact' && w.tempId === contactId);
  return names[contactId] ?? (created?.kind === 'createContact' ? created.body.name : null);
}

export function describeItem(
  item: OutboxItemView,
  names: Record<string, string>,
  all: OutboxItemView[],
): ItemLine {
  const { write } = item;
  const writes = all.map((i) => i.write);
  switch (write.kind) {
    case 'logActivity': {
      const name = nameOf(write.body.contact_id, names, writes);
      const type = ACTIVITY_WORDS[write.body.type];
      return {
        title: name ? `${type} with ${name}` : item.summary,
        excerpt: excerpt(write.body.note),
      };
    }
    case 'createDeal': {
      const name = nameOf(write.body.contact_id, names, writes);
      return { title: name ? `New deal for ${name}` : 'New deal', excerpt: write.body.title };
    }
    case 'updateDeal':
      return {
        title: write.body.stage ? `Deal moved to ${STAGE_WORDS[write.body.stage]}` : item.summary,
        excerpt: null,
      };
    case 'createContact':
      return { title: `New contact: ${write.body.name}`, excerpt: write.body.email };
    default:
      return { title: item.summary, excerpt: null };
  }
}
