import { describe, expect, it } from 'vitest';
import { dealsWithPending } from '@/components/popup/pending';
import { openDeals } from '@/lib/shared/email-deal';
import type { OutboxItemView, WriteRequest } from '@/lib/shared/messaging/protocol';
import { deal, RAHUL } from '../../../factories';

const MADE = Date.parse('2026-03-02T12:00:00Z');

/** The outbox's writes for the contact: `writes`, made one second apart, all waiting for Vivre. */
function outboxWith(...writes: WriteRequest[]) {
  return writes.map((write, index): OutboxItemView => ({
    id: `item_${index}`,
    write,
    state: 'waiting',
    createdAt: MADE + index * 1000,
    attempts: 1,
    summary: 'Deal',
  }));
}

describe('the deals the popup offers while writes wait in the outbox', () => {
  it('shows a deal marked won offline as closed, so no email is filed under it by default', () => {
    const closedAt = '2026-03-02T11:59:00.000Z';
    const outbox = outboxWith({
      kind: 'updateDeal',
      dealId: 'dl_1',
      body: { stage: 'won', closed_at: closedAt },
    });
    const shown = dealsWithPending([deal()], RAHUL.id, outbox);
    expect(shown).toEqual([{ ...deal(), stage: 'won', closed_at: closedAt }]);
    expect(openDeals(shown)).toEqual([]);
  });

  it('offers a won deal reopened offline as open again', () => {
    const won = deal({ stage: 'won', closed_at: '2026-02-20T10:00:00Z' });
    const outbox = outboxWith({ kind: 'updateDeal', dealId: 'dl_1', body: { stage: 'proposal' } });
    expect(openDeals(dealsWithPending([won], RAHUL.id, outbox))).toEqual([
      { ...won, stage: 'proposal', closed_at: null },
    ]);
  });

  it('adds a deal created offline for this contact only, then the moves made to it', () => {
    const tempId = 'tmp_deal';
    const outbox = outboxWith(
      { kind: 'createDeal', tempId, body: { contact_id: RAHUL.id, title: 'Fleet add-on' } },
      { kind: 'createDeal', tempId: 'tmp_other', body: { contact_id: 'cnt_1', title: 'Other' } },
      { kind: 'updateDeal', dealId: tempId, body: { stage: 'qualified' } },
    );
    expect(dealsWithPending(null, RAHUL.id, outbox)).toEqual([
      {
        id: tempId,
        contact_id: RAHUL.id,
        title: 'Fleet add-on',
        value: null,
        stage: 'qualified',
        created_at: new Date(MADE).toISOString(),
        closed_at: null,
      },
    ]);
    expect(dealsWithPending(null, RAHUL.id, outboxWith())).toBeNull();
  });
});
