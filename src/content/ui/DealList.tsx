/** Open deals of a contact, values in rupees. Hidden when the API does not list deals. */
import type { Deal } from '../../shared/vivre/contract-types';
import { STAGE_WORDS, formatPaise } from '../../shared/labels';

export function isOpenDeal(deal: Deal): boolean {
  return deal.stage !== 'won' && !deal.closed_at;
}

export function DealList({ deals }: { deals: Deal[] | null }) {
  if (deals === null) return null;
  const open = deals.filter(isOpenDeal);
  return (
    <section class="section" aria-label="Open deals">
      <h3>Open deals</h3>
      {open.length === 0 ? (
        <p class="muted">No open deals.</p>
      ) : (
        <ul class="list">
          {open.map((deal) => (
            <li key={deal.id}>
              <span class="title">{deal.title}</span>
              <span class="value">
                {typeof deal.value === 'number' ? formatPaise(deal.value) : 'No value'}
              </span>
              <span class="muted">{STAGE_WORDS[deal.stage]}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
