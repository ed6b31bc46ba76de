/** The durable offline outbox. The worker creates one with its `deliver` and wires flush triggers. */
export { createOutbox, type Outbox } from './outbox';
export { OutboxError } from './store';
export type { Deliver, OutboxCounts, OutboxItem, OutboxListing, OutboxOptions } from './types';
