/**
 * Which of a contact's deals a logged email is tied to, decided in one place for the compose
 * toggle, "Log this email" and the worker.
 *
 * The default is the contact's only open deal, and no deal when there are several or none.
 * With one open deal the email almost certainly belongs to it, and tying it there is what a rep
 * would do by hand; with several, any guess (the newest, the biggest) would sometimes file an
 * email under the wrong deal without the rep noticing, which is worse than filing it under
 * none, so the rep picks one or it stays on the contact alone.
 */
import type { Deal } from './vivre/contract-types';

/** Deals still in play: not won (the API's last stage) and not closed. */
export function openDeals(deals: readonly Deal[] | null | undefined): Deal[] {
  return (deals ?? []).filter((deal) => deal.stage !== 'won' && !deal.closed_at);
}

/** The deal an email goes to unless the rep says otherwise: the only open one, else none. */
export function defaultDealId(deals: readonly Deal[] | null | undefined): string | null {
  const open = openDeals(deals);
  return open.length === 1 ? open[0]!.id : null;
}
