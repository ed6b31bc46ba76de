import type { WriteRequest } from '../../shared/messaging/protocol';

const activityNames = { call: 'Call', email: 'Email', meeting: 'Meeting', note: 'Note' } as const;

/**
 * A short line for outbox lists when the caller gave none. The caller usually knows the
 * contact's name (the outbox only has ids), so `enqueue(write, { summary })` is preferred.
 */
export function describeWrite(write: WriteRequest): string {
  switch (write.kind) {
    case 'createContact':
      return `New contact: ${write.body.name}`;
    case 'updateContact':
      return write.body.stage ? `Contact moved to ${write.body.stage}` : 'Contact details changed';
    case 'createDeal':
      return `New deal: ${write.body.title}`;
    case 'updateDeal':
      return write.body.stage ? `Deal moved to ${write.body.stage}` : 'Deal changed';
    case 'logActivity':
      return `${activityNames[write.body.type]} logged`;
  }
}
