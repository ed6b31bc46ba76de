import { vi } from 'vitest';
import type { Ask } from '@/lib/shared/messaging/messenger';
import type { LookupResult } from '@/lib/shared/messaging/protocol';
import type { Contact } from '@/lib/shared/vivre/contract-types';

export function contact(email: string, name: string, score: number): Contact {
  return {
    id: `cnt_${name.split(' ')[0]!.toLowerCase()}`,
    name,
    email,
    company: null,
    ai_score: score,
    stage: 'qualified',
    tags: [],
    created_at: '2026-01-01T00:00:00Z',
  };
}

/**
 * A worker that knows the people in `known` and nobody else. `ask.mock.calls`
 * records every message, so tests can count lookups.
 */
export function fakeWorker(known: Record<string, Contact> = {}) {
  const ask = vi.fn(async (type: string, data?: unknown) => {
    if (type === 'lookupContacts') {
      const { emails } = data as { emails: string[] };
      const value: Record<string, LookupResult> = {};
      for (const email of emails) {
        const found = known[email];
        value[email] = found
          ? { status: 'found', contact: found, fetchedAt: 0, stale: false }
          : { status: 'not_found', fetchedAt: 0, stale: false };
      }
      return { ok: true, value };
    }
    return { ok: false, error: { kind: 'unknown', message: `not faked: ${type}` } };
  });
  const lookups = () =>
    ask.mock.calls
      .filter(([type]) => type === 'lookupContacts')
      .map(([, data]) => [...(data as { emails: string[] }).emails].sort());
  return { ask: ask as unknown as Ask, mock: ask, lookups };
}
