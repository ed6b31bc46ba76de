/**
 * /v1/activities: log a call, email, meeting or note (optionally on one of the
 * contact's deals), which feeds the AI score. `GET /v1/activities?contact_id=`
 * is an ASSUMPTION beyond the reference (see docs/SANDBOX.md).
 */
import { ActivityCreate } from '../../lib/shared/vivre/contract';
import { invalid } from '../api-error';
import { rescore } from '../rescore';
import type { StoredActivity } from '../types';
import { parseWith } from '../validate';
import { findContact, listOfContact } from './contacts';
import { findDeal } from './deals';
import { isoNow, resourceRoutes, type RouteContext } from './route';

function create(ctx: RouteContext) {
  const input = parseWith(ActivityCreate, ctx.body);
  const contact = findContact(ctx.ws, input.contact_id, 'contact_id');
  if (input.deal_id !== undefined) {
    const deal = findDeal(ctx.ws, input.deal_id, 'deal_id');
    if (deal.contact_id !== contact.id) {
      throw invalid('deal_id', `Deal ${deal.id} belongs to another contact, not ${contact.id}.`);
    }
  }
  const activity: StoredActivity = {
    id: ctx.store.nextId('act'),
    contact_id: contact.id,
    deal_id: input.deal_id ?? null,
    type: input.type,
    note: input.note ?? null,
    created_at: isoNow(ctx),
  };
  ctx.ws.activities[activity.id] = activity;
  ctx.emit('activity.logged', activity);
  rescore(ctx, contact.id);
  return { status: 201, body: activity };
}

export const activityRoutes = resourceRoutes('activities', {
  list: (ctx) => listOfContact(ctx, ctx.ws.activities),
  create,
});
