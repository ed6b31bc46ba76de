/** Small pieces of a flush pass (flush-pass.ts) that need nothing of its state. */
import type { RepError } from '../../shared/messaging/protocol';
import type { OutboxItem } from './types';

/** The rep-facing reason a write waits for its own connection. */
export function wrongConnectionError(item: OutboxItem): RepError {
  const where = item.connection ? hostOf(item.connection.baseUrl) : 'another Vivre';
  const workspace = item.connection?.workspaceId ?? 'another workspace';
  return {
    kind: 'unknown',
    message: `Queued for workspace ${workspace} (${where}). Send it with that workspace’s API key, or discard it.`,
  };
}

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

/** A delivery that ignores its signal must not keep a closing outbox waiting. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
