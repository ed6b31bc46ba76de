import { describe, expect, it } from 'vitest';
import type { WriteRequest } from '@/lib/shared/messaging/protocol';
import {
  changedIds,
  createdTempId,
  creates,
  describeWrite,
  referencedIds,
  resolveWrite,
  routeWrite,
} from '@/lib/worker/vivre/write-kinds';

const writes = {
  createContact: {
    kind: 'createContact',
    tempId: 'tmp_c',
    body: { name: 'Priya Kapoor', email: 'priya@bluestone.example' },
  },
  updateContact: { kind: 'updateContact', contactId: 'tmp_c', body: { stage: 'won' } },
  createDeal: { kind: 'createDeal', tempId: 'tmp_d', body: { contact_id: 'tmp_c', title: 'Plan' } },
  updateDeal: { kind: 'updateDeal', dealId: 'tmp_d', body: { title: 'Plan B' } },
  logActivity: {
    kind: 'logActivity',
    body: { contact_id: 'tmp_c', deal_id: 'tmp_d', type: 'meeting', note: 'Demo' },
  },
} satisfies { [K in WriteRequest['kind']]: Extract<WriteRequest, { kind: K }> };

describe('the table of write kinds', () => {
  it.each([
    [writes.createContact, 'New contact: Priya Kapoor'],
    [writes.updateContact, 'Contact moved to won'],
    [{ ...writes.updateContact, body: { name: 'P. Kapoor' } }, 'Contact details changed'],
    [writes.createDeal, 'New deal: Plan'],
    [writes.updateDeal, 'Deal changed'],
    [{ ...writes.updateDeal, body: { stage: 'proposal' } }, 'Deal moved to proposal'],
    [writes.logActivity, 'Meeting logged'],
  ] satisfies [WriteRequest, string][])('summarises %j as %j', (write, summary) => {
    expect(describeWrite(write)).toBe(summary);
  });

  it('knows what each kind refers to, changes and creates', () => {
    const facts = Object.values(writes).map((write: WriteRequest) => [
      write.kind,
      referencedIds(write),
      changedIds(write),
      createdTempId(write),
      creates(write),
    ]);
    expect(facts).toEqual([
      ['createContact', [], ['tmp_c'], 'tmp_c', true],
      ['updateContact', ['tmp_c'], ['tmp_c'], undefined, false],
      ['createDeal', ['tmp_c'], ['tmp_d'], 'tmp_d', true],
      ['updateDeal', ['tmp_d'], ['tmp_d'], undefined, false],
      ['logActivity', ['tmp_c', 'tmp_d'], [], undefined, false],
    ]);
  });

  it('resolves every temporary id it knows and keeps the others', () => {
    const real = new Map([
      ['tmp_c', 'cnt_1'],
      ['tmp_d', 'dl_2'],
    ]);
    const routes = Object.values(writes).map((write: WriteRequest) => {
      const { method, path, body } = routeWrite(resolveWrite(write, real));
      return `${method} ${path} ${JSON.stringify(body)}`;
    });
    expect(routes).toEqual([
      'POST /contacts {"name":"Priya Kapoor","email":"priya@bluestone.example"}',
      'PATCH /contacts/cnt_1 {"stage":"won"}',
      'POST /deals {"contact_id":"cnt_1","title":"Plan"}',
      'PATCH /deals/dl_2 {"title":"Plan B"}',
      'POST /activities {"contact_id":"cnt_1","deal_id":"dl_2","type":"meeting","note":"Demo"}',
    ]);
    expect(resolveWrite(writes.logActivity, new Map())).toEqual(writes.logActivity);
    expect(routeWrite({ ...writes.updateDeal, dealId: 'dl/1?x' }).path).toBe('/deals/dl%2F1%3Fx');
  });
});
