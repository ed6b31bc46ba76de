/**
 * Everything the worker knows about each kind of write, in one table: the request that
 * carries it, the records it refers to and changes, the temporary id it creates, how
 * temporary ids in it become real ones, and the line the outbox shows for it. A kind
 * added to `WriteRequest` without an entry here is a compile error.
 *
 * Pure data and functions, no I/O: deliver.ts reads the routes, the outbox reads the
 * rest, and neither has to know which kinds exist.
 */
import { ACTIVITY_WORDS } from '../../shared/labels';
import type { WriteRequest } from '../../shared/messaging/protocol';

export type WriteKind = WriteRequest['kind'];
export type WriteOf<K extends WriteKind> = Extract<WriteRequest, { kind: K }>;

/** The Vivre request that carries a write. */
export interface WriteRoute {
  method: 'POST' | 'PATCH';
  /** Relative to the base URL, e.g. `/deals/dl_1`. */
  path: string;
  body: object;
}

export interface WriteKindEntry<W extends WriteRequest> {
  /** The record Vivre answers a successful write with. */
  record: 'contact' | 'deal' | 'activity';
  route(write: W): WriteRoute;
  /** Every contact or deal id the write mentions, real or temporary. */
  referencedIds(write: W): string[];
  /**
   * The records the write changes or creates. A later write touching one of these must not
   * overtake it (two stage changes of one deal applied out of order leave the wrong stage);
   * writes that only refer to a record, such as activities on one contact, may pass each other.
   */
  changedIds(write: W): string[];
  /** The id later writes use for the record this write creates, before Vivre has given it one. */
  createdTempId(write: W): string | undefined;
  /** The same write with each temporary id `real` knows replaced by the real one. */
  resolve(write: W, real: (id: string) => string): W;
  /** A short line for outbox lists when the caller gave none. */
  describe(write: W): string;
}

const post = (collection: string, body: object): WriteRoute => ({
  method: 'POST',
  path: `/${collection}`,
  body,
});

const patch = (collection: string, id: string, body: object): WriteRoute => ({
  method: 'PATCH',
  path: `/${collection}/${encodeURIComponent(id)}`,
  body,
});

const none = (): string[] => [];
const createsNothing = (): undefined => undefined;

/** A PATCH of one existing record: it refers to and changes that record only, and creates none. */
function patchOne<W extends WriteOf<'updateContact' | 'updateDeal'>>(entry: {
  record: 'contact' | 'deal';
  id: (write: W) => string;
  withId: (write: W, id: string) => W;
  describe: (write: W) => string;
}): WriteKindEntry<W> {
  const { record, id, withId, describe } = entry;
  return {
    record,
    route: (write) => patch(`${record}s`, id(write), write.body),
    referencedIds: (write) => [id(write)],
    changedIds: (write) => [id(write)],
    createdTempId: createsNothing,
    resolve: (write, real) => withId(write, real(id(write))),
    describe,
  };
}

const WRITE_KINDS: { [K in WriteKind]: WriteKindEntry<WriteOf<K>> } = {
  createContact: {
    record: 'contact',
    route: (write) => post('contacts', write.body),
    referencedIds: none,
    changedIds: (write) => [write.tempId],
    createdTempId: (write) => write.tempId,
    resolve: (write) => write,
    describe: (write) => `New contact: ${write.body.name}`,
  },
  updateContact: patchOne({
    record: 'contact',
    id: (write) => write.contactId,
    withId: (write, contactId) => ({ ...write, contactId }),
    describe: (write) =>
      write.body.stage ? `Contact moved to ${write.body.stage}` : 'Contact details changed',
  }),
  createDeal: {
    record: 'deal',
    route: (write) => post('deals', write.body),
    referencedIds: (write) => [write.body.contact_id],
    changedIds: (write) => [write.tempId],
    createdTempId: (write) => write.tempId,
    resolve: (write, real) => ({
      ...write,
      body: { ...write.body, contact_id: real(write.body.contact_id) },
    }),
    describe: (write) => `New deal: ${write.body.title}`,
  },
  updateDeal: patchOne({
    record: 'deal',
    id: (write) => write.dealId,
    withId: (write, dealId) => ({ ...write, dealId }),
    describe: (write) => (write.body.stage ? `Deal moved to ${write.body.stage}` : 'Deal changed'),
  }),
  logActivity: {
    record: 'activity',
    route: (write) => post('activities', write.body),
    referencedIds: (write) =>
      write.body.deal_id ? [write.body.contact_id, write.body.deal_id] : [write.body.contact_id],
    changedIds: none,
    createdTempId: createsNothing,
    resolve: (write, real) => {
      const body = { ...write.body, contact_id: real(write.body.contact_id) };
      if (write.body.deal_id) body.deal_id = real(write.body.deal_id);
      return { ...write, body };
    },
    describe: (write) => `${ACTIVITY_WORDS[write.body.type]} logged`,
  },
};

/** The entry for `write`'s kind, typed for that write. */
function entryFor<K extends WriteKind>(write: WriteOf<K>): WriteKindEntry<WriteOf<K>> {
  return WRITE_KINDS[write.kind];
}

export const routeWrite = (write: WriteRequest): WriteRoute => entryFor(write).route(write);

export const recordOf = (write: WriteRequest): WriteKindEntry<WriteRequest>['record'] =>
  entryFor(write).record;

export const referencedIds = (write: WriteRequest): string[] =>
  entryFor(write).referencedIds(write);

export const changedIds = (write: WriteRequest): string[] => entryFor(write).changedIds(write);

export const createdTempId = (write: WriteRequest): string | undefined =>
  entryFor(write).createdTempId(write);

/** True for a write that creates a record later writes may refer to (by its temporary id). */
export const creates = (write: WriteRequest): boolean => createdTempId(write) !== undefined;

/**
 * True for a write that makes a new record (a POST: contact, deal, activity). Sent twice it
 * makes two, so its answer must name the record and a lost answer must be reconciled; an
 * update sets the same fields again and may simply be repeated.
 */
export const makesRecord = (write: WriteRequest): boolean => routeWrite(write).method === 'POST';

/**
 * Replaces every temporary id that has a real id; ids absent from `realIds` are kept. The
 * stored write keeps its temporary ids, so an item can be read, edited and retried the way
 * the rep wrote it; this runs at send time.
 */
export const resolveWrite = (
  write: WriteRequest,
  realIds: ReadonlyMap<string, string>,
): WriteRequest => entryFor(write).resolve(write, (id) => realIds.get(id) ?? id);

/**
 * A short line for outbox lists when the caller gave none. The caller usually knows the
 * contact's name (the outbox only has ids), so `enqueue(write, { summary })` is preferred.
 */
export const describeWrite = (write: WriteRequest): string => entryFor(write).describe(write);
