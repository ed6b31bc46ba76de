/**
 * The seeded world: two workspaces, four fixed demo keys and ~250 deterministic
 * contacts with deals (INR, in paise) and activities. Same input, same data,
 * every time: tests and screenshots can rely on it.
 */
import { computeScore } from './score';
import {
  ACTIVITY_NOTES,
  COMPANIES,
  DEAL_TITLES,
  FIRST_NAMES,
  FIXED_PEOPLE,
  LAST_NAMES,
  NOT_IN_VIVRE,
  TAGS,
  type FixedPerson,
} from './seed-data';
import { ACTIVITY_TYPES, STAGES } from '../lib/shared/vivre/contract';
import type { ApiKey, SandboxState, StoredContact, WorkspaceData } from './types';

export const DEMO_KEYS = {
  admin: 'vv_test_demo_admin_0000000000000000',
  write: 'vv_test_demo_write_0000000000000000',
  read: 'vv_test_demo_read_00000000000000000',
  otherAdmin: 'vv_test_other_admin_000000000000000',
} as const;

export const DEMO_WORKSPACE = { id: 'ws_demo', name: 'Demo Workspace' } as const;
export const OTHER_WORKSPACE = { id: 'ws_other', name: 'Other Workspace' } as const;

/** Seeded timestamps and scores are computed against this fixed instant. */
export const SEED_NOW = Date.parse('2026-11-20T09:00:00Z');
const DAY_MS = 86_400_000;
export const SEED_CONTACT_COUNT = 250;
/** New records count up from here, so they never collide with seeded ids. */
const FIRST_NEW_ID = 100_000;

export const SEED_KEYS: ApiKey[] = [
  { key: DEMO_KEYS.admin, workspace_id: 'ws_demo', permissions: ['read', 'write', 'admin'] },
  { key: DEMO_KEYS.write, workspace_id: 'ws_demo', permissions: ['read', 'write'] },
  { key: DEMO_KEYS.read, workspace_id: 'ws_demo', permissions: ['read'] },
  { key: DEMO_KEYS.otherAdmin, workspace_id: 'ws_other', permissions: ['read', 'write', 'admin'] },
];

/** mulberry32: tiny, fast and deterministic; quality is irrelevant here. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function emptyWorkspace(id: string, name: string): WorkspaceData {
  return {
    id,
    name,
    contacts: {},
    deals: {},
    activities: {},
    webhooks: {},
    deliveries: {},
    idempotency: {},
  };
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function addPerson(ws: WorkspaceData, person: FixedPerson, nextActivityId: () => string): void {
  const contact: StoredContact = {
    id: person.id,
    name: person.name,
    email: person.email,
    company: person.company,
    ai_score: 0,
    stage: person.stage,
    tags: person.tags,
    created_at: person.created_at,
    updated_at: person.created_at,
  };
  ws.contacts[contact.id] = contact;
  for (const deal of person.deals) {
    ws.deals[deal.id] = {
      ...deal,
      contact_id: contact.id,
      created_at: person.created_at,
      closed_at: deal.stage === 'won' ? iso(SEED_NOW - 30 * DAY_MS) : null,
    };
  }
  for (const [type, daysAgo, note] of person.activities) {
    const id = nextActivityId();
    const deal_id = person.deals[0]?.id ?? null;
    const created_at = iso(SEED_NOW - daysAgo * DAY_MS);
    ws.activities[id] = { id, contact_id: contact.id, deal_id, type, note, created_at };
  }
}

function generatePeople(count: number): FixedPerson[] {
  const next = random(2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const start = Date.parse('2025-12-01T00:00:00Z');
  const excluded = new Set(NOT_IN_VIVRE);
  const used = new Set<string>();
  const people: FixedPerson[] = [];
  for (let index = 0; people.length < count; index++) {
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    const [company, domain] = pick(COMPANIES);
    const email = `${first}.${last}@${domain}`.toLowerCase();
    if (used.has(email) || excluded.has(email)) continue;
    used.add(email);
    const created = start + Math.floor(next() * (SEED_NOW - 5 * DAY_MS - start));
    const stage = pick(STAGES);
    const tags = [...new Set([pick(TAGS), pick(TAGS)])].slice(0, 1 + Math.floor(next() * 2));
    const dealCount = next() < 0.45 ? 1 + Math.floor(next() * 2) : 0;
    const deals = Array.from({ length: dealCount }, (_, d) => ({
      id: `dl_${3001 + index * 2 + d}`,
      title: `${company} — ${pick(DEAL_TITLES)}`,
      // ₹25,000 to ₹25,00,000 in ₹500 steps, in paise.
      value: (50 + Math.floor(next() * 4950)) * 500 * 100,
      stage: d === 0 ? stage : pick(STAGES),
    }));
    const ageDays = Math.floor((SEED_NOW - created) / DAY_MS);
    const activities = Array.from({ length: Math.floor(next() * 7) }, () => {
      const type = pick(ACTIVITY_TYPES);
      return [
        type,
        Math.floor(next() * ageDays),
        pick(ACTIVITY_NOTES[type]),
      ] as FixedPerson['activities'][number];
    });
    const id = `cnt_${1001 + index}`;
    people.push({
      id,
      name: `${first} ${last}`,
      email,
      company,
      stage,
      tags,
      created_at: iso(created),
      deals,
      activities,
    });
  }
  return people;
}

function scoreAll(ws: WorkspaceData): void {
  for (const contact of Object.values(ws.contacts)) {
    const deals = Object.values(ws.deals).filter((deal) => deal.contact_id === contact.id);
    const activities = Object.values(ws.activities).filter((a) => a.contact_id === contact.id);
    contact.ai_score = computeScore({ stage: contact.stage, deals, activities }, SEED_NOW);
  }
}

export function createSeedState(): SandboxState {
  let activitySeq = 10_001;
  const nextActivityId = () => `act_${activitySeq++}`;
  const demo = emptyWorkspace(DEMO_WORKSPACE.id, DEMO_WORKSPACE.name);
  const people = [...FIXED_PEOPLE, ...generatePeople(SEED_CONTACT_COUNT - FIXED_PEOPLE.length)];
  for (const person of people) addPerson(demo, person, nextActivityId);
  scoreAll(demo);

  // The same address as in ws_demo, on purpose: workspaces must not see each other.
  const other = emptyWorkspace(OTHER_WORKSPACE.id, OTHER_WORKSPACE.name);
  addPerson(
    other,
    { ...FIXED_PEOPLE[0]!, id: 'cnt_9001', stage: 'new', deals: [], activities: [] },
    nextActivityId,
  );
  scoreAll(other);

  return {
    version: 1,
    next_id: FIRST_NEW_ID,
    keys: SEED_KEYS.map((key) => ({ ...key, permissions: [...key.permissions] })),
    workspaces: { [demo.id]: demo, [other.id]: other },
  };
}
