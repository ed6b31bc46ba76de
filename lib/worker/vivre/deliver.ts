/**
 * Sends one queued write to Vivre: the `deliver` the outbox is built with. The
 * outbox has already swapped temporary ids for real ones and owns the idempotency
 * key, which is sent unchanged on every attempt. Each kind's request is in write-kinds.ts.
 */
import type { WriteRequest } from '../../shared/messaging/protocol';
import type { VivreClient, WrittenRecord } from './client';
import { routeWrite } from './write-kinds';

export type OnDelivered = (write: WriteRequest, record: WrittenRecord) => void | Promise<void>;

/** The outbox's `deliver`. `onDelivered` sees what Vivre confirmed, so the contact cache can drop what we changed. */
export function createDeliver(client: VivreClient, onDelivered?: OnDelivered) {
  return async (
    write: WriteRequest,
    idempotencyKey: string,
    signal?: AbortSignal,
  ): Promise<{ id?: string }> => {
    const record = await client.sendWrite(routeWrite(write), idempotencyKey, signal);
    try {
      await onDelivered?.(write, record);
    } catch {
      // Vivre has the write; a cache that could not be told must not make it look failed.
    }
    return { id: record.id };
  };
}
