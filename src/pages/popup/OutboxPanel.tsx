import type { OutboxItemView } from '../../shared/messaging/protocol';
import type { OutboxFeed } from '../../shared/storage';
import { describeItem } from './outbox-lines';
import { OutboxItem } from './OutboxItem';
import type { PopupServices } from './services-type';

interface Props {
  outbox: OutboxFeed | null;
  /** Contact id → name, for the items' lines. */
  names: Record<string, string>;
  ask: PopupServices['ask'];
}

/**
 * What has not reached Vivre yet: waiting items sync by themselves, stuck ones need the rep.
 * After a retry or a discard the worker publishes the new outbox, which re-renders this.
 */
export function OutboxPanel({ outbox, names, ask }: Props) {
  if (!outbox || (outbox.waiting.length === 0 && outbox.attention.length === 0)) return null;
  const all = [...outbox.attention, ...outbox.waiting];

  async function retry(id: string, note?: string) {
    await ask('retryOutboxItem', note === undefined ? { id } : { id, note });
  }
  async function discard(id: string) {
    await ask('discardOutboxItem', { id });
  }

  const list = (items: OutboxItemView[]) => (
    <ul>
      {items.map((item) => (
        <OutboxItem
          key={item.id}
          item={item}
          line={describeItem(item, names, all)}
          onRetry={(note) => void retry(item.id, note)}
          onDiscard={() => void discard(item.id)}
        />
      ))}
    </ul>
  );

  return (
    <section class="outbox" aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">Outbox</h2>
      {outbox.attention.length > 0 ? (
        <>
          <h3 class="attention">Needs attention ({outbox.attention.length})</h3>
          {list(outbox.attention)}
        </>
      ) : null}
      {outbox.waiting.length > 0 ? (
        <>
          <h3>Waiting to sync ({outbox.waiting.length})</h3>
          {list(outbox.waiting)}
        </>
      ) : null}
    </section>
  );
}
