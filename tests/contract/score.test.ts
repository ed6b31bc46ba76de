import { describe, expect, it } from 'vitest';
import { computeScore, recencyFactor } from '@/sandbox/score';
import { createSeedState, SEED_NOW } from '@/sandbox/seed';

const DAY = 86_400_000;
const now = Date.parse('2026-11-20T00:00:00Z');
const daysAgo = (days: number) => new Date(now - days * DAY).toISOString();

describe('the documented AI score formula', () => {
  it('starts from the stage', () => {
    const points = (['new', 'qualified', 'proposal', 'won'] as const).map((stage) =>
      computeScore({ stage, deals: [], activities: [] }, now),
    );
    expect(points).toEqual([10, 30, 45, 60]);
  });

  it('adds the best deal only', () => {
    const deals = [{ stage: 'qualified' as const }, { stage: 'won' as const }];
    expect(computeScore({ stage: 'new', deals, activities: [] }, now)).toBe(22);
  });

  it('weights activities by type and fades them with age', () => {
    const activity = (type: 'call' | 'email' | 'meeting' | 'note', days: number) => ({
      type,
      created_at: daysAgo(days),
    });
    expect(
      computeScore({ stage: 'new', deals: [], activities: [activity('meeting', 1)] }, now),
    ).toBe(22);
    expect(computeScore({ stage: 'new', deals: [], activities: [activity('call', 20)] }, now)).toBe(
      15,
    );
    expect(
      computeScore({ stage: 'new', deals: [], activities: [activity('email', 60)] }, now),
    ).toBe(12);
    expect(
      computeScore({ stage: 'new', deals: [], activities: [activity('note', 400)] }, now),
    ).toBe(10);
    expect([1, 7.5, 31, 91].map((days) => recencyFactor(days * DAY))).toEqual([1, 0.6, 0.3, 0.1]);
  });

  it('never leaves 0..100', () => {
    const activities = Array.from({ length: 20 }, () => ({
      type: 'meeting' as const,
      created_at: daysAgo(0),
    }));
    expect(computeScore({ stage: 'won', deals: [{ stage: 'won' }], activities }, now)).toBe(100);
  });
});

describe('the seed', () => {
  it('is the same every time and holds about 250 contacts with INR deals', () => {
    const seed = createSeedState();
    expect(JSON.stringify(createSeedState())).toBe(JSON.stringify(seed));
    const demo = seed.workspaces.ws_demo!;
    expect(Object.keys(demo.contacts)).toHaveLength(250);
    const deals = Object.values(demo.deals);
    expect(deals.length).toBeGreaterThan(50);
    expect(
      deals.every(
        (deal) => deal.value === null || (Number.isInteger(deal.value) && deal.value % 100 === 0),
      ),
    ).toBe(true);
    expect(Object.keys(demo.activities).length).toBeGreaterThan(250);
  });

  it('scores every seeded contact by the formula, the reference example at 87', () => {
    const demo = createSeedState().workspaces.ws_demo!;
    expect(demo.contacts.cnt_8821?.ai_score).toBe(87);
    for (const contact of Object.values(demo.contacts)) {
      const deals = Object.values(demo.deals).filter((deal) => deal.contact_id === contact.id);
      const activities = Object.values(demo.activities).filter((a) => a.contact_id === contact.id);
      expect(contact.ai_score).toBe(
        computeScore({ stage: contact.stage, deals, activities }, SEED_NOW),
      );
    }
  });

  it('has every Gmail-fixture person who should be in Vivre, and not the others', () => {
    const emails = Object.values(createSeedState().workspaces.ws_demo!.contacts).map(
      (c) => c.email,
    );
    for (const email of [
      'rahul.sharma@acme-tech.example',
      'ananya.iyer@bluestone.example',
      'vikram.reddy@bluestone.example',
      'sneha.kulkarni@acme-tech.example',
      'deepa.menon@kiran-logistics.example',
      'priya.kapoor@bluestone.example',
    ]) {
      expect(emails).toContain(email);
    }
    expect(emails).not.toContain('procurement-team@bluestone.example');
    expect(emails).not.toContain('arjun.patel@bluestone.example');
    expect(new Set(emails.map((e) => e.toLowerCase())).size).toBe(emails.length);
  });
});
