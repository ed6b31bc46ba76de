/** /v1/contacts: list with search and score filter, create with duplicate-email check, read, update. */
import {
  ByContactQuery,
  ContactCreate,
  ContactListQuery,
  ContactUpdate,
} from '../../lib/shared/vivre/contract';
import { ApiError, notFound } from '../api-error';
import { rescore } from '../rescore';
import { computeScore } from '../score';
import type { StoredContact, WorkspaceData } from '../types';
import { parseWith } from '../validate';
import {
  isoNow,
  newestFirst,
  paginate,
  queryObject,
  resourceRoutes,
  type RouteContext,
} from './route';

export function findContact(ws: WorkspaceData, id: string, param?: string): StoredContact {
  const contact = Object.hasOwn(ws.contacts, id) ? ws.contacts[id] : undefined;
  if (!contact) throw notFound('contact', id, param);
  return contact;
}

/**
 * `GET /v1/deals?contact_id=` and `GET /v1/activities?contact_id=` (ASSUMPTIONS, see
 * docs/SANDBOX.md): one contact's records, newest first.
 */
export function listOfContact<T extends { contact_id: string; created_at: string; id: string }>(
  ctx: RouteContext,
  records: Record<string, T>,
) {
  const query = parseWith(ByContactQuery, queryObject(ctx.query));
  findContact(ctx.ws, query.contact_id, 'contact_id');
  const items = Object.values(records)
    .filter((record) => record.contact_id === query.contact_id)
    .sort(newestFirst);
  return { status: 200, body: paginate(items, query.limit, query.offset) };
}

function assertEmailFree(ws: WorkspaceData, email: string, selfId?: string): void {
  const lower = email.toLowerCase();
  const existing = Object.values(ws.contacts).find(
    (contact) => contact.email.toLowerCase() === lower && contact.id !== selfId,
  );
  if (existing) {
    throw new ApiError(
      409,
      'conflict',
      `A contact with this email already exists: ${existing.id}.`,
      {
        param: 'email',
        existingId: existing.id,
      },
    );
  }
}

/** Every word must appear somewhere in name, email or company, in any case. */
function matchesSearch(contact: StoredContact, search: string | undefined): boolean {
  const words = (search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [contact.name, contact.email, contact.company ?? ''].join('\n').toLowerCase();
  return words.every((word) => haystack.includes(word));
}

function list(ctx: RouteContext) {
  const query = parseWith(ContactListQuery, queryObject(ctx.query));
  const matches = Object.values(ctx.ws.contacts)
    .filter((contact) => matchesSearch(contact, query.search))
    .filter((contact) => query.score_min === undefined || contact.ai_score >= query.score_min)
    .sort(newestFirst);
  return { status: 200, body: paginate(matches, query.limit, query.offset) };
}

function create(ctx: RouteContext) {
  const input = parseWith(ContactCreate, ctx.body);
  assertEmailFree(ctx.ws, input.email);
  const now = isoNow(ctx);
  const stage = input.stage ?? 'new';
  const contact: StoredContact = {
    id: ctx.store.nextId('cnt'),
    name: input.name,
    email: input.email,
    company: input.company ?? null,
    ai_score: computeScore({ stage, deals: [], activities: [] }, ctx.now()),
    stage,
    tags: input.tags ?? [],
    created_at: now,
    updated_at: now,
  };
  ctx.ws.contacts[contact.id] = contact;
  ctx.emit('contact.created', contact);
  return { status: 201, body: contact };
}

function update(ctx: RouteContext) {
  const contact = findContact(ctx.ws, ctx.params[0]!);
  const input = parseWith(ContactUpdate, ctx.body);
  if (input.email !== undefined) assertEmailFree(ctx.ws, input.email, contact.id);
  const changed = Object.entries(input).filter(
    ([field, value]) =>
      value !== undefined &&
      JSON.stringify(value) !== JSON.stringify(contact[field as keyof StoredContact]),
  );
  if (changed.length === 0) return { status: 200, body: contact };
  const previousStage = contact.stage;
  Object.assign(contact, Object.fromEntries(changed), { updated_at: isoNow(ctx) });
  ctx.emit('contact.updated', { ...contact, changed: changed.map(([field]) => field) });
  if (contact.stage !== previousStage) rescore(ctx, contact.id);
  return { status: 200, body: contact };
}

export const contactRoutes = resourceRoutes('contacts', {
  list,
  create,
  read: (ctx) => findContact(ctx.ws, ctx.params[0]!),
  update,
});
