/**
 * /v1/deals: create, update (a move to `won` stamps `closed_at`), and two reads
 * the reference implies but does not spell out (ASSUMPTIONS, see docs/SANDBOX.md):
 * `GET /v1/deals?contact_id=` and `GET /v1/deals/{id}`.
 */
import { DealCreate, DealUpdate } from '../../lib/shared/vivre/contract';
import { notFound } from '../api-error';
import { rescore } from '../rescore';
import type { StoredDeal, WorkspaceData } from '../types';
import { parseWith } from '../validate';
import { findContact, listOfContact } from './contacts';
import { isoNow, resourceRoutes, type RouteContext } from './route';

export function findDeal(ws: WorkspaceData, id: string, param?: string): StoredDeal {
  const deal = Object.hasOwn(ws.deals, id) ? ws.deals[id] : undefined;
  if (!deal) throw notFound('deal', id, param);
  return deal;
}

function create(ctx: RouteContext) {
  const input = parseWith(DealCreate, ctx.body);
  findContact(ctx.ws, input.contact_id, 'contact_id');
  const now = isoNow(ctx);
  const stage = input.stage ?? 'new';
  const deal: StoredDeal = {
    id: ctx.store.nextId('dl'),
    contact_id: input.contact_id,
    title: input.title,
    value: input.value ?? null,
    stage,
    created_at: now,
    closed_at: stage === 'won' ? now : null,
  };
  ctx.ws.deals[deal.id] = deal;
  ctx.emit('deal.created', deal);
  if (stage === 'won') ctx.emit('deal.won', deal);
  rescore(ctx, deal.contact_id);
  return { status: 201, body: deal };
}

function update(ctx: RouteContext) {
  const deal = findDeal(ctx.ws, ctx.params[0]!);
  const input = parseWith(DealUpdate, ctx.body);
  const previousStage = deal.stage;
  if (input.title !== undefined) deal.title = input.title;
  if (input.value !== undefined) deal.value = input.value;
  if (input.stage !== undefined) deal.stage = input.stage;
  if (input.closed_at !== undefined) deal.closed_at = input.closed_at;
  if (deal.stage !== previousStage) {
    // Won without a date means "won now"; reopening a won deal un-closes it.
    if (deal.stage === 'won' && !input.closed_at) deal.closed_at = isoNow(ctx);
    if (previousStage === 'won' && input.closed_at === undefined) deal.closed_at = null;
    ctx.emit('deal.stage_changed', { ...deal, previous_stage: previousStage });
    if (deal.stage === 'won') ctx.emit('deal.won', deal);
    rescore(ctx, deal.contact_id);
  }
  return { status: 200, body: deal };
}

export const dealRoutes = resourceRoutes('deals', {
  list: (ctx) => listOfContact(ctx, ctx.ws.deals),
  create,
  read: (ctx) => findDeal(ctx.ws, ctx.params[0]!),
  update,
});
