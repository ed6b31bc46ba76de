/**
 * Which records a write refers to, and how temporary ids (of contacts and deals created
 * offline) become real ones at send time. The stored write keeps its temporary ids, so
 * an item can be read, edited and retried the way the rep wrote it.
 */
import type { WriteRequest } from '../../shared/messaging/protocol';

/** Every contact or deal id the write mentions, real or temporary. */
export function referencedIds(write: WriteRequest): string[] {
  switch (write.kind) {
    case 'createContact':
      return [];
    case 'updateContact':
      return [write.contactId];
    case 'createDeal':
      return [write.body.contact_id];
    case 'updateDeal':
      return [write.dealId];
    case 'logActivity':
      return write.body.deal_id
        ? [write.body.contact_id, write.body.deal_id]
        : [write.body.contact_id];
  }
}

/**
 * The records the write changes or creates. A later write touching one of these must not
 * overtake it (two stage changes of one deal applied out of order leave the wrong stage);
 * writes that only read a record, such as activities on one contact, may pass each other.
 */
export function changedIds(write: WriteRequest): string[] {
  switch (write.kind) {
    case 'createContact':
    case 'createDeal':
      return [write.tempId];
    case 'updateContact':
      return [write.contactId];
    case 'updateDeal':
      return [write.dealId];
    case 'logActivity':
      return [];
  }
}

/** Replaces every temporary id that has a real id. Ids absent from `realIds` are kept. */
export function resolveWrite(
  write: WriteRequest,
  realIds: ReadonlyMap<string, string>,
): WriteRequest {
  const real = (id: string) => realIds.get(id) ?? id;
  switch (write.kind) {
    case 'createContact':
      return write;
    case 'updateContact':
      return { ...write, contactId: real(write.contactId) };
    case 'createDeal':
      return { ...write, body: { ...write.body, contact_id: real(write.body.contact_id) } };
    case 'updateDeal':
      return { ...write, dealId: real(write.dealId) };
    case 'logActivity': {
      const body = { ...write.body, contact_id: real(write.body.contact_id) };
      if (write.body.deal_id) body.deal_id = real(write.body.deal_id);
      return { ...write, body };
    }
  }
}

export function createdTempId(write: WriteRequest): string | undefined {
  return write.kind === 'createContact' || write.kind === 'createDeal' ? write.tempId : undefined;
}
