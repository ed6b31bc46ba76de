/** The durable offline outbox. The worker creates one with its `deliver` and wires flush triggers. */
export { createOutbox, type Outbox } from './outbox';
export { OutboxError } from './store';
export { sameConnection } from './rep-actions';
export type {
  ConnectionStamp,
  Deliver,
  OutboxCounts,
  OutboxItem,
  OutboxListing,
  OutboxOptions,
  ReadBack,
} from './types';
