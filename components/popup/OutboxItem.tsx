import { Component } from 'preact';
import { useState } from 'preact/hooks';
import { validateNote } from '../../lib/shared/forms/note';
import type { OutboxItemView } from '../../lib/shared/messaging/protocol';
import { TextField } from '../common/Field';
import type { ItemLine } from './outbox-lines';
import { ReenterKey } from './ReenterKey';

/** What the rep can do to an item, by its id: one object for the whole list. */
export interface OutboxActions {
  /** `note`: the corrected note of an activity (nothing else of a write can be edited). */
  retry(id: string, note?: string): void;
  discard(id: string): void;
  /** For a write queued for another workspace: send it with that workspace's key. */
  sendWithKey(id: string, apiKey: string): Promise<string | undefined>;
}

interface Props {
  item: OutboxItemView;
  line: ItemLine;
  actions: OutboxActions;
}

/**
 * Drawn again only when what it shows changed. The worker publishes the outbox after every
 * write, and redrawing the whole first page each time held up the popup's next save
 * (lib/shared/storage/steady-feed.ts keeps unchanged items the same objects).
 */
export class OutboxItem extends Component<Props> {
  // Not preact/compat's memo: compat rewrites every event handler of the page it is in.
  override shouldComponentUpdate(next: Props): boolean {
    const now = this.props;
    return !(
      next.item === now.item &&
      next.actions === now.actions &&
      next.line.title === now.line.title &&
      next.line.excerpt === now.line.excerpt
    );
  }

  override render(props: Props) {
    return <OutboxItemLine {...props} />;
  }
}

/** One waiting or stuck write: what it is, why it has not synced, and what the rep can do. */
function OutboxItemLine({ item, line, actions }: Props) {
  const { write } = item;
  const onRetry = (note?: string) => actions.retry(item.id, note);
  const onDiscard = () => actions.discard(item.id);
  const onSendWithKey = (apiKey: string) => actions.sendWithKey(item.id, apiKey);
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(write.kind === 'logActivity' ? (write.body.note ?? '') : '');
  const [error, setError] = useState<string>();
  const fieldId = `outbox-note-${item.id}`;

  function retry() {
    if (!editing || write.kind !== 'logActivity') return onRetry();
    const checked = validateNote(note);
    setError(checked.ok ? undefined : checked.message);
    if (checked.ok) onRetry(checked.value);
  }

  return (
    <li class={`outbox-item ${item.state}`}>
      <span class="summary">{line.title}</span>
      {line.excerpt ? <span class="excerpt">{line.excerpt}</span> : null}
      {item.lastError ? (
        <span class="reason">
          {item.state === 'attention'
            ? item.lastError.message
            : `Will retry: ${item.lastError.message}`}
        </span>
      ) : null}
      {editing ? (
        <TextField
          id={fieldId}
          label={`Note for ${line.title}`}
          error={error}
          rows={3}
          value={note}
          onValue={setNote}
        />
      ) : null}
      <span class="actions">
        {item.parked?.reason === 'connection' ? (
          <ReenterKey
            itemId={item.id}
            workspaceId={item.parked.workspaceId}
            onSend={onSendWithKey}
          />
        ) : null}
        {write.kind === 'logActivity' && !editing && !item.parked ? (
          <button
            type="button"
            class="text"
            onClick={() => setEditing(true)}
            aria-label={`Edit ${line.title}`}
          >
            Edit
          </button>
        ) : null}
        {item.parked?.reason === 'connection' ? null : (
          <button type="button" class="text" onClick={retry} aria-label={`Retry ${line.title}`}>
            {item.parked?.reason === 'uncertain' ? 'Not in Vivre: send again' : 'Retry'}
          </button>
        )}
        <button type="button" class="text" onClick={onDiscard} aria-label={`Discard ${line.title}`}>
          Discard
        </button>
      </span>
    </li>
  );
}
