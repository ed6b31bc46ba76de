import { useState } from 'preact/hooks';
import { validateNote } from '../../lib/shared/forms/note';
import type { OutboxItemView } from '../../lib/shared/messaging/protocol';
import { TextField } from '../common/Field';
import type { ItemLine } from './outbox-lines';
import { ReenterKey } from './ReenterKey';

interface Props {
  item: OutboxItemView;
  line: ItemLine;
  /** `note`: the corrected note of an activity (nothing else of a write can be edited). */
  onRetry: (note?: string) => void;
  onDiscard: () => void;
  /** For a write queued for another workspace: send it with that workspace's key. */
  onSendWithKey: (apiKey: string) => Promise<string | undefined>;
}

/** One waiting or stuck write: what it is, why it has not synced, and what the rep can do. */
export function OutboxItem({ item, line, onRetry, onDiscard, onSendWithKey }: Props) {
  const { write } = item;
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
