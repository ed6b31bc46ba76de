import { describe, expect, it } from 'vitest';
import { buildLogWrites, type LogActivityValues } from '@/lib/shared/forms/log-activity';

const context = { newTempId: () => 'tmp_1', now: () => new Date('2026-01-02T03:04:05.000Z') };
const base: LogActivityValues = {
  contactId: 'cnt_1',
  type: 'call',
  note: 'Spoke',
  deal: { kind: 'none' },
};

describe('buildLogWrites', () => {
  it('logs just the activity without a deal', () => {
    expect(buildLogWrites(base, context)).toEqual({
      ok: true,
      writes: [{ kind: 'logActivity', body: { contact_id: 'cnt_1', type: 'call', note: 'Spoke' } }],
    });
  });

  it('creates a new deal first and refers to it by its temporary id', () => {
    const result = buildLogWrites(
      {
        ...base,
        deal: { kind: 'new', values: { title: 'Pilot', value: '1,500.50', stage: 'proposal' } },
      },
      context,
    );
    expect(result).toEqual({
      ok: true,
      writes: [
        {
          kind: 'createDeal',
          tempId: 'tmp_1',
          body: { contact_id: 'cnt_1', title: 'Pilot', value: 150_050, stage: 'proposal' },
        },
        {
          kind: 'logActivity',
          body: { contact_id: 'cnt_1', deal_id: 'tmp_1', type: 'call', note: 'Spoke' },
        },
      ],
    });
  });

  it.each([
    [
      'marks an existing deal won with a closing date after the activity',
      'won',
      { stage: 'won', closed_at: '2026-01-02T03:04:05.000Z' },
    ],
    ['moves an existing deal without closing it', 'qualified', { stage: 'qualified' }],
  ] as const)('%s', (_, moveTo, body) => {
    const result = buildLogWrites(
      { ...base, deal: { kind: 'existing', dealId: 'deal_9', moveTo } },
      context,
    );
    expect(result.ok && result.writes.at(-1)).toEqual({
      kind: 'updateDeal',
      dealId: 'deal_9',
      body,
    });
  });

  it('reports every problem and writes nothing', () => {
    const result = buildLogWrites(
      {
        contactId: null,
        type: 'note',
        note: '',
        deal: { kind: 'new', values: { title: '', value: '-5', stage: 'new' } },
      },
      context,
    );
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual([
      'contact',
      'dealTitle',
      'dealValue',
      'note',
    ]);
  });
});
