/**
 * The sample records tests share: people, deals, activities, the worker's status and
 * settings, lookup results. The people are the sandbox seed's (sandbox/seed-data.ts), so a
 * component test, a contract test and an E2E test mean the same Rahul Sharma by cnt_8821;
 * their scores are the ones the sandbox computes for the seed, which the contract tests
 * check (tests/contract/contacts.test.ts).
 */
import { FIXED_PEOPLE } from '@/sandbox/seed-data';
import type {
  ContactDetails,
  LookupResult,
  OutboxItemView,
  OutboxSummary,
  SettingsView,
  Status,
} from '@/lib/shared/messaging/protocol';
import type { Activity, Contact, Deal } from '@/lib/shared/vivre/contract-types';
import type { OutboxFeed } from '@/lib/shared/storage/table';

/** A seeded person as GET /v1/contacts/{id} answers (less `updated_at`), with its score. */
function seeded(id: string, aiScore: number): Contact {
  const person = FIXED_PEOPLE.find((candidate) => candidate.id === id);
  if (!person) throw new Error(`${id} is not in the seed`);
  const { name, email, company, stage, tags, created_at } = person;
  return { id, name, email, company, ai_score: aiScore, stage, tags, created_at };
}

/** The API reference's example contact: Acme Technologies, qualified, score 87. */
export const RAHUL = seeded('cnt_8821', 87);
/** BlueStone Foods; the reference's example deal is hers. */
export const PRIYA = seeded('cnt_8822', 42);
/** Rahul's colleague at Acme Technologies; To in compose-send.html. */
export const SNEHA = seeded('cnt_8825', 37);
/** Kiran Logistics; Cc in compose-send.html. */
export const DEEPA = seeded('cnt_8826', 80);

/** A deal of Rahul's: an open ₹6,500 "Annual plan" unless told otherwise. */
export function deal(overrides: Partial<Deal> = {}): Deal {
  return {
    id: 'dl_1',
    contact_id: RAHUL.id,
    title: 'Annual plan',
    value: 650_000,
    stage: 'proposal',
    created_at: '2026-02-01T09:00:00Z',
    closed_at: null,
    ...overrides,
  };
}

/** A call with Rahul unless told otherwise. */
export function activity(overrides: Partial<Activity> = {}): Activity {
  return {
    id: 'act_1',
    contact_id: RAHUL.id,
    type: 'call',
    note: 'Discussed pricing',
    created_at: '2026-03-01T10:00:00Z',
    ...overrides,
  };
}

/** What a card shows for Rahul: one open and one won deal, one call. */
export const RAHUL_DETAILS: ContactDetails = {
  contact: RAHUL,
  deals: [deal(), deal({ id: 'dl_2', title: 'Pilot (won)', value: 99_900, stage: 'won' })],
  activities: [activity()],
  fetchedAt: Date.parse('2026-03-02T10:00:00Z'),
};

export const found = (contact: Contact, fetchedAt = 0, stale = false): LookupResult => ({
  status: 'found',
  contact,
  fetchedAt,
  stale,
});

export const notFound = (fetchedAt = 0, stale = false): LookupResult => ({
  status: 'not_found',
  fetchedAt,
  stale,
});

/** The worker's status when connected to the demo workspace with a read-write key. */
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

export const EMPTY_OUTBOX: OutboxSummary = { waiting: [], attention: [], paused: null };

/** The feed the worker publishes for a small outbox: every item on its first page. */
export function feedOf(summary: OutboxSummary, synced: OutboxItemView[] = []): OutboxFeed {
  return {
    ...summary,
    synced,
    counts: { waiting: summary.waiting.length, attention: summary.attention.length },
    more: { waiting: null, attention: null },
  };
}

/** The settings the options page reads: the local sandbox, no key saved, lookups on. */
export function settingsView(overrides: Partial<SettingsView> = {}): SettingsView {
  return {
    workspaceId: 'ws_demo',
    baseUrl: 'http://127.0.0.1:8787/v1',
    maskedKey: null,
    autoLookup: true,
    neverLookup: [],
    ...overrides,
  };
}
