/**
 * A contact's open deals, values in rupees, each with its stage to move; and "New deal".
 * Hidden when the API does not list deals. Writes go through the outbox (./use-deal-writes.ts).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { openDeals } from '../../lib/shared/email-deal';
import type { Deal, Stage } from '../../lib/shared/vivre/contract-types';
import type { NewDealInput, WriteProgress } from '../common/view-types';
import { CardSection } from './CardSection';
import { DealRow } from './DealRow';
import { NewDealForm } from './NewDealForm';
import { WriteProgressText } from './WriteProgressText';

export function DealsSection(props: {
  idPrefix: string;
  contactName: string;
  deals: Deal[] | null;
  /** Rows that keep their key when Vivre's copy of a deal made here replaces it. */
  rowKeys?: ReadonlyMap<string, string> | undefined;
  /** Why the rep cannot write now (read-only key…), or null. */
  blocked: string | null;
  progress: WriteProgress | null | undefined;
  onCreate: (deal: NewDealInput) => Promise<boolean>;
  onMove: (dealId: string, stage: Stage) => Promise<boolean>;
}) {
  const [adding, setAdding] = useState(false);
  // When the form closes, focus goes back to "New deal" rather than to Gmail's <body>.
  const newDealButton = useRef<HTMLButtonElement>(null);
  const wasAdding = useRef(false);
  useEffect(() => {
    if (!adding && wasAdding.current) newDealButton.current?.focus();
    wasAdding.current = adding;
  }, [adding]);
  if (props.deals === null) return null;
  const canWrite = !props.blocked;
  return (
    <>
      <CardSection
        title="Open deals"
        empty="No open deals."
        items={openDeals(props.deals)}
        keyOf={(deal) => props.rowKeys?.get(deal.id) ?? deal.id}
      >
        {(deal) => <DealRow deal={deal} canMove={canWrite} onMove={props.onMove} />}
      </CardSection>
      {adding ? (
        <NewDealForm
          idPrefix={props.idPrefix}
          contactName={props.contactName}
          onCancel={() => setAdding(false)}
          onSubmit={async (deal) => {
            if (await props.onCreate(deal)) setAdding(false);
          }}
        />
      ) : (
        canWrite && (
          <div class="row">
            <button
              type="button"
              ref={newDealButton}
              aria-label={`New deal for ${props.contactName}`}
              onClick={() => setAdding(true)}
            >
              New deal
            </button>
          </div>
        )
      )}
      <WriteProgressText progress={props.progress ?? null} />
    </>
  );
}
