/** Recomputes a contact's AI score after anything that feeds it, and tells webhooks when it moved. */
import type { RouteContext } from './routes/route';
import { computeScore } from './score';

export function rescore(ctx: RouteContext, contactId: string): void {
  const contact = ctx.ws.contacts[contactId];
  if (!contact) return;
  const deals = Object.values(ctx.ws.deals).filter((deal) => deal.contact_id === contactId);
  const activities = Object.values(ctx.ws.activities).filter((a) => a.contact_id === contactId);
  const score = computeScore({ stage: contact.stage, deals, activities }, ctx.now());
  if (score === contact.ai_score) return;
  const previous = contact.ai_score;
  contact.ai_score = score;
  ctx.emit('contact.scored', { ...contact, previous_score: previous });
}
