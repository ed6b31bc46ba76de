import type { OutboxItemView } from '../../lib/shared/messaging/protocol';
import type { OutboxFeed } from '../../lib/shared/storage/table';
import { describeItem } from './outbox-lines';
import { useMemo } from 'preact/hooks';
import { OutboxItem, type OutboxActions } from './OutboxItem';
import { OutboxList } from './OutboxList';
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
  const actions = useMemo<OutboxActions>(
    () => ({
      retry: (id, note) => void ask('retryOutboxItem', note === undefined ? { id } : { id, note }),
      discard: (id) => void ask('discardOutboxItem', { id }),
      async sendWithKey(id, apiKey) {
        const answer = await ask('sendOutboxWithKey', { id, apiKey });
        return answer.ok ? undefined : answer.error.message;
      },
    }),
    [ask],
  );
  const damaged = outbox?.damaged ?? [];
  if (
    !outbox ||
    (outbox.counts.waiting === 0 && outbox.counts.attention === 0 && damaged.length === 0)
  ) {
    return null;
  }
  const published = [...outbox.attention, ...outbox.waiting];

  const renderItem = (item: OutboxItemView, shown: OutboxItemView[]) => (
    <OutboxItem
      key={item.id}
      item={item}
      line={describeItem(item, names, [...published, ...shown])}
      actions={actions}
    />
  );
  const list = (state: 'waiting' | 'attention', label: string) => (
    <OutboxList
      state={state}
      first={outbox[state]}
      total={outbox.counts[state]}
      more={outbox.more[state]}
      label={label}
      ask={ask}
      renderItem={renderItem}
    />
  );

  return (
    <section class="outbox" aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">Outbox</h2>
      {outbox.counts.attention > 0 ? (
        <>
          <h3 class="attention">Needs attention ({outbox.counts.attention.toLocaleString()})</h3>
          {list('attention', 'Needs attention')}
        </>
      ) : null}
      {damaged.length > 0 ? (
        <>
          <h3>Damaged ({damaged.length})</h3>
          <ul>
            {damaged.map((item) => (
              <li key={item.id} class="outbox-item attention">
                <span class="summary">{item.summary}</span>
                <span class="reason">This queued write was damaged and cannot be sent.</span>
                <span class="actions">
                  <button
                    type="button"
                    onClick={() => actions.discard(item.id)}
                    aria-label={`Discard ${item.summary}`}
                  >
                    Discard
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {outbox.counts.waiting > 0 ? (
        <>
          <h3>Waiting to sync ({outbox.counts.waiting.toLocaleString()})</h3>
          {list('waiting', 'Waiting to sync')}
        </>
      ) : null}
    </section>
  );
}
