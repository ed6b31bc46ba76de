import { useState } from 'preact/hooks';
import { Field } from '../common/Field';

interface Props {
  itemId: string;
  workspaceId: string;
  /** Resolves with a sentence for the rep when the key is refused. */
  onSend: (apiKey: string) => Promise<string | undefined>;
}

/**
 * A write queued for another workspace is never sent with the saved key: the rep enters
 * that workspace's key again (kept in the worker's memory only) or discards the write.
 */
export function ReenterKey({ itemId, workspaceId, onSend }: Props) {
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState('');
  const [error, setError] = useState<string>();
  const id = `outbox-key-${itemId}`;

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Send with {workspaceId}’s key
      </button>
    );
  }
  async function send(event: Event) {
    event.preventDefault();
    if (!key.trim()) return setError(`Paste the API key for workspace ${workspaceId}.`);
    setError(await onSend(key.trim()));
  }
  return (
    <form class="reenter-key" onSubmit={(event) => void send(event)}>
      <Field id={id} label={`API key for workspace ${workspaceId}`} error={error}>
        {(control) => (
          <input
            {...control}
            type="password"
            autocomplete="off"
            value={key}
            onInput={(event) => setKey(event.currentTarget.value)}
          />
        )}
      </Field>
      <button type="submit">Send</button>
    </form>
  );
}
