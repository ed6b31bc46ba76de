/** Open deals of a contact, values in rupees. Hidden when the API does not list deals. */
import type { Deal } from '../../shared/vivre/contract-types';
import { STAGE_WORDS, formatPaise } from '../../shared/labels';
import { CardSection } from './CardSection';

function isOpenDeal(deal: Deal): boolean {
  return deal.stage !== 'won' && !deal.closed_at;
}

export function DealList({ deals }: { deals: Deal[] | null }) {
  if (deals === null) return null;
  return (
    <CardSection title="Open deals" empty="No open deals." items={deals.filter(isOpenDeal)}>
      {(deal) => (
        <>
          <span class="title">{deal.title}</span>
          <span class="value">
            {typeof deal.value === 'number' ? formatPaise(deal.value) : 'No value'}
          </span>
          <span class="muted">{STAGE_WORDS[deal.stage]}</span>
        </>
      )}
    </CardSection>
  );
}
