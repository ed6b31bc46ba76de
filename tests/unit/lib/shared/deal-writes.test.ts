import { describe, expect, it } from 'vitest';
import { applyDealWrite, type DealWrite } from '@/lib/shared/deal-writes';
import { deal } from '../../../factories';

const MADE = Date.parse('2026-03-02T12:00:00Z');
const MADE_ISO = '2026-03-02T12:00:00.000Z';
const TEMP_ID = 'tmp_6f1c2f60-3b0e-4b3c-9a57-0e6a3c1f2a11';

const create = (body: Partial<Extract<DealWrite, { kind: 'createDeal' }>['body']> = {}) =>
  ({
    kind: 'createDeal',
    tempId: TEMP_ID,
    body: { contact_id: 'cnt_8821', title: 'Renewal', ...body },
  }) satisfies DealWrite;
const update = (
  body: Extract<DealWrite, { kind: 'updateDeal' }>['body'],
  dealId = 'dl_1',
): DealWrite => ({ kind: 'updateDeal', dealId, body });

describe('applyDealWrite', () => {
  it('adds a new deal under its temporary id, made when the rep made it, as Vivre will list it', () => {
    expect(applyDealWrite([deal()], create({ value: 150_000, stage: 'proposal' }), MADE)).toEqual([
      deal(),
      {
        id: TEMP_ID,
        contact_id: 'cnt_8821',
        title: 'Renewal',
        value: 150_000,
        stage: 'proposal',
        created_at: MADE_ISO,
        closed_at: null,
      },
    ]);
  });

  it('gives a new deal with no value or stage no value, the first stage, and an open close date', () => {
    expect(applyDealWrite([], create(), MADE)[0]).toMatchObject({
      value: null,
      stage: 'new',
      closed_at: null,
    });
    expect(applyDealWrite([], create({ stage: 'won' }), MADE)[0]).toMatchObject({
      closed_at: MADE_ISO,
    });
  });

  it('shows a deal marked won as closed on the date sent', () => {
    const closedAt = '2026-03-01T09:30:00.000Z';
    expect(applyDealWrite([deal()], update({ stage: 'won', closed_at: closedAt }), MADE)).toEqual([
      { ...deal(), stage: 'won', closed_at: closedAt },
    ]);
    // Won with no date means won now.
    expect(applyDealWrite([deal()], update({ stage: 'won' }), MADE)[0]?.closed_at).toBe(MADE_ISO);
  });

  it('reopens a won deal moved to another stage, and keeps a close date it did not move', () => {
    const won = deal({ stage: 'won', closed_at: '2026-02-20T10:00:00Z' });
    expect(applyDealWrite([won], update({ stage: 'proposal' }), MADE)).toEqual([
      { ...won, stage: 'proposal', closed_at: null },
    ]);
    expect(applyDealWrite([won], update({ title: 'Annual plan — 60 seats' }), MADE)).toEqual([
      { ...won, title: 'Annual plan — 60 seats' },
    ]);
  });

  it('applies a new value, leaving what the write does not set', () => {
    expect(applyDealWrite([deal()], update({ value: 700_000 }), MADE)).toEqual([
      { ...deal(), value: 700_000 },
    ]);
  });

  it('changes only the deal written to, and changes nothing it was given', () => {
    const deals = [deal(), deal({ id: 'dl_2', stage: 'new' })];
    const before = structuredClone(deals);
    expect(applyDealWrite(deals, update({ stage: 'qualified' }), MADE)).toEqual([
      { ...deals[0], stage: 'qualified' },
      deals[1],
    ]);
    expect(applyDealWrite(deals, update({ stage: 'won' }, 'dl_9'), MADE)).toEqual(deals);
    expect(deals).toEqual(before);
  });
});
