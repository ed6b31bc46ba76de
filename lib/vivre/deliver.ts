/**
 * Sends one queued write to Vivre: the `deliver` the outbox is built with. The
 * outbox has already swapped temporary contact ids for real ones and owns the
 * idempotency key, which is sent unchanged on every attempt.
 */
import type { WriteRequest } from '../messaging/protocol';
import type { Activity, Contact, Deal } from './contract';
import type { VivreClient } from './client';

export type DeliveredRecord =
  | { kind: 'contact'; record: Contact }
  | { kind: 'deal'; record: Deal }
  | { kind: 'activity'; record: Activity };

export async function sendWrite(
  client: VivreClient,
  write: WriteRequest,
  idempotencyKey: string,
  signal?: AbortSignal,
): Promise<DeliveredRecord> {
  switch (write.kind) {
    case 'createContact':
      return {
        kind: 'contact',
        record: await client.createContact(write.body, idempotencyKey, signal),
      };
    case 'updateContact':
      return {
        kind: 'contact',
        record: await client.updateContact(write.contactId, write.body, idempotencyKey, signal),
      };
    case 'createDeal':
      return { kind: 'deal', record: await client.createDeal(write.body, idempotencyKey, signal) };
    case 'updateDeal':
      return {
        kind: 'deal',
        record: await client.updateDeal(write.dealId, write.body, idempotencyKey, signal),
      };
    case 'logActivity':
      return {
        kind: 'activity',
        record: await client.createActivity(write.body, idempotencyKey, signal),
      };
  }
}

/**
 * The outbox's `deliver`. `onDelivered` sees every record Vivre confirmed, so the
 * contact cache can drop what the extension itself just changed.
 */
export function createDeliver(
  client: VivreClient,
  onDelivered?: (delivered: DeliveredRecord) => void | Promise<void>,
) {
  return async (
    write: WriteRequest,
    idempotencyKey: string,
    signal?: AbortSignal,
  ): Promise<{ id?: string }> => {
    const delivered = await sendWrite(client, write, idempotencyKey, signal);
    try {
      await onDelivered?.(delivered);
    } catch {
      // Vivre has the write; a cache that could not be told must not make it look failed.
    }
    return { id: delivered.record.id };
  };
}
