/**
 * What the popup says about the connection: the outcome of the last request, and
 * which workspace and permissions the key has (GET /v1/me, cached). Kept in
 * storage.session — not readable by content scripts, and it survives the worker
 * being stopped without outliving the browser session.
 */
import type { ConnectionState } from '../shared/messaging/protocol';
import { connectionItem } from '../shared/storage/items';
import { type ConnectionRecord } from '../shared/storage/table';
import type { Me } from '../shared/vivre/contract-types';
import type { VivreError } from './vivre/errors';

/** Only failures that say something about the connection itself change the state. */
export function stateAfter(error: VivreError | null, previous: ConnectionState): ConnectionState {
  if (!error) return 'ok';
  switch (error.kind) {
    case 'unauthorized':
    case 'forbidden':
    case 'offline':
    case 'not_configured':
      return error.kind;
    case 'unknown':
    case 'server':
      return 'unknown';
    default:
      // A 404, 409 or 422 is Vivre answering: the connection works.
      return previous === 'not_configured' ? previous : 'ok';
  }
}

export function createConnection() {
  // In memory too, so a burst of answers does not write storage once per request.
  let last: ConnectionRecord | undefined;
  const onRefused: Array<(error: VivreError) => void> = [];
  const onReachable: Array<() => void> = [];

  async function read(): Promise<ConnectionRecord> {
    last ??= await connectionItem.getValue();
    return last;
  }

  async function write(next: ConnectionRecord): Promise<void> {
    const previous = await read();
    if (previous.state === next.state && previous.me === next.me) return;
    last = next;
    await connectionItem.setValue(next);
  }

  return {
    read,
    async record(error: VivreError | null): Promise<void> {
      if (error?.kind === 'unauthorized') onRefused.forEach((listener) => listener(error));
      const current = await read();
      // A 403 on one write is about that write, not about the key being unusable.
      if (error?.kind === 'forbidden' && current.state === 'ok') return;
      const state = stateAfter(error, current.state);
      if (current.state === 'offline' && state !== 'offline') onReachable.forEach((l) => l());
      await write({ ...current, state });
    },
    /** Calls `listener` each time an answer comes after the network was down (a lookup, say). */
    whenReachable(listener: () => void): void {
      onReachable.push(listener);
    },
    /** Calls `listener` each time Vivre refuses the saved key (a 401). */
    whenRefused(listener: (error: VivreError) => void): void {
      onRefused.push(listener);
    },
    async rememberMe(me: Me | null): Promise<void> {
      await write({ ...(await read()), me });
    },
    /** New settings: nothing known about them yet. */
    async reset(): Promise<void> {
      await write({ state: 'unknown', me: null });
    },
  };
}

export type Connection = ReturnType<typeof createConnection>;
