/**
 * The outbox in one line: how many writes need the rep (Vivre refused them, or they may already
 * be in Vivre), with the way to the popup's list where each is retried, corrected or discarded;
 * and how many wait to sync. Nothing when the outbox is empty.
 */
import type { OutboxFeed } from '../../lib/shared/storage/table';

const writes = (count: number) => (count === 1 ? '1 write' : `${count} writes`);

export function OutboxLine({ outbox, onOpen }: { outbox: OutboxFeed | null; onOpen: () => void }) {
  const attention = (outbox?.counts.attention ?? 0) + (outbox?.damaged?.length ?? 0);
  const waiting = outbox?.counts.waiting ?? 0;
  if (attention === 0 && waiting === 0) return null;
  if (attention === 0) {
    return (
      <p class="outbox-line muted" role="status">
        {writes(waiting)} waiting to sync.
      </p>
    );
  }
  return (
    <p class="banner error outbox-line" role="status">
      <span>
        {writes(attention)} {attention === 1 ? 'needs' : 'need'} your attention
        {waiting > 0 ? `, ${waiting} more waiting to sync` : ''}.
      </span>
      <button type="button" class="link" onClick={onOpen}>
        Review in the outbox
      </button>
    </p>
  );
}
