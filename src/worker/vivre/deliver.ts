/**
 * Sends one queued write to Vivre: the `deliver` the outbox is built with. The
 * outbox has already swapped temporary contact ids for real ones and owns the
 * idempotency key, which is sent unchanged on every attempt.
 */
import type { WriteRequest } from '../../shared/messaging/protocol';
import type { VivreClient, WrittenRecord } from './client';

/** Method, path and body of each kind of write. */
export function routeWrite(write: WriteRequest): {
  method: 'POST' | 'PATCH';
  path: string;
  body: object;
} {
  switch (write.kind) {
    case 'createContact':
      return { method: 'POST', path: '/contacts', body: write.body };
    case 'updateContact':
      return {
        method: 'PATCH',
        path: `/contacts/${encodeURIComponent(write.contactId)}`,
        body: write.body,
      };
    case 'createDeal':
      return { method: 'POST', path: '/deals', body: write.body };
    case 'updateDeal':
      return {
        method: 'PATCH',
        path: `/deals/${encodeURIComponent(write.dealId)}`,
        body: write.body,
      };
    case 'logActivity':
      return { method: 'POST', path: '/activities', body: write.body };
  }
}

export type OnDelivered = (write: WriteRequest, record: WrittenRecord) => void | Promise<void>;

/** The outbox's `deliver`. `onDelivered` sees what Vivre confirmed, so the contact cache can drop what we changed. */
export function createDeliver(client: VivreClient, onDelivered?: OnDelivered) {
  return async (
    write: WriteRequest,
    idempotencyKey: string,
    signal?: AbortSignal,
  ): Promise<{ id?: string }> => {
    const { method, path, body } = routeWrite(write);
    const record = await client.sendWrite(method, path, body, idempotencyKey, signal);
    try {
      await onDelivered?.(write, record);
    } catch {
      // Vivre has the write; a cache that could not be told must not make it look failed.
    }
    return { id: record.id };
  };
}
