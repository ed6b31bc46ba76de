import type { ContactDetails, Status } from '@/shared/messaging/protocol';
import type { Contact, Deal } from '@/shared/vivre/contract-types';

export const RAHUL: Contact = {
  id: 'cnt_8821',
  name: 'Rahul Sharma',
  email: 'rahul.sharma@acme-tech.example',
  company: 'Acme Technologies',
  ai_score: 87,
  stage: 'qualified',
  tags: [],
  created_at: '2026-01-10T09:00:00Z',
};

export const STATUS_OK: Status = {
  configured: true,
  connection: 'ok',
  workspaceId: 'ws_demo',
  workspaceName: 'Demo',
  permissions: ['read', 'write'],
  appUrl: 'https://app.vivre.example',
  waitingCount: 0,
  attentionCount: 0,
};

export function deal(overrides: Partial<Deal>): Deal {
  return {
    id: 'dl_1',
    contact_id: RAHUL.id,
    title: 'Annual plan',
    value: 650000,
    stage: 'proposal',
    created_at: '2026-02-01T09:00:00Z',
    closed_at: null,
    ...overrides,
  };
}

export const DETAILS: ContactDetails = {
  contact: RAHUL,
  deals: [
    deal({ id: 'dl_1', title: 'Annual plan', value: 650000 }),
    deal({ id: 'dl_2', title: 'Pilot (won)', value: 99900, stage: 'won' }),
  ],
  activities: [
    {
      id: 'act_1',
      contact_id: RAHUL.id,
      type: 'call',
      note: 'Discussed pricing',
      created_at: '2026-03-01T10:00:00Z',
    },
  ],
  fetchedAt: Date.parse('2026-03-02T10:00:00Z'),
};
