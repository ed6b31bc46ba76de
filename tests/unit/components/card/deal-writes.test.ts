import { describe, expect, it } from 'vitest';
import { dealRowKeys, type SentDealWrite, withDealWrites } from '@/components/card/deal-writes';
import { deal } from '../../../factories';

const MADE = Date.parse('2026-03-02T12:00:00Z');
const create: SentDealWrite = {
  write: {
    kind: 'createDeal',
    tempId: 'tmp_6f1c2f60-3b0e-4b3c-9a57-0e6a3c1f2a11',
    body: { contact_id: 'cnt_8821', title: 'Renewal', value: 150_000, stage: 'new' },
  },
  syncedAt: null,
  madeAt: MADE,
};
const won: SentDealWrite = {
  write: {
    kind: 'updateDeal',
    dealId: 'dl_1',
    body: { stage: 'won', closed_at: '2026-03-02T12:00:00.000Z' },
  },
  syncedAt: null,
  madeAt: MADE,
};

describe('the deals the card shows', () => {
  it('adds a new deal and moves a deal at once, before Vivre has either', () => {
    expect(withDealWrites([deal()], 0, [create, won])).toEqual([
      { ...deal(), stage: 'won', closed_at: '2026-03-02T12:00:00.000Z' },
      {
        id: create.write.kind === 'createDeal' ? create.write.tempId : '',
        contact_id: 'cnt_8821',
        title: 'Renewal',
        value: 150_000,
        stage: 'new',
        created_at: '2026-03-02T12:00:00.000Z',
        closed_at: null,
      },
    ]);
  });

  it('stops applying a write once details fetched after it synced are shown', () => {
    const synced = { ...create, syncedAt: MADE + 1000 };
    expect(withDealWrites([deal()], MADE + 500, [synced])).toHaveLength(2);
    expect(withDealWrites([deal()], MADE + 2000, [synced])).toEqual([deal()]);
  });

  it('shows a new deal even for a contact whose deals Vivre does not list', () => {
    expect(withDealWrites(null, 0, [create])).toMatchObject([{ title: 'Renewal' }]);
    expect(withDealWrites(null, 0, [])).toBeNull();
  });

  it('keeps a new deal’s row when Vivre’s copy replaces it, for one clear match only', () => {
    const tempId = create.write.kind === 'createDeal' ? create.write.tempId : '';
    const vivres = deal({ id: 'dl_77', title: 'Renewal', value: 150_000, stage: 'new' });
    // While the card's own copy is shown, nothing is re-keyed.
    expect(dealRowKeys(withDealWrites([deal()], 0, [create]), [create])).toEqual(new Map());
    expect(dealRowKeys([deal(), vivres], [create])).toEqual(new Map([['dl_77', tempId]]));
    const twin = { ...vivres, id: 'dl_78' };
    expect(dealRowKeys([deal(), vivres, twin], [create])).toEqual(new Map());
  });
});
