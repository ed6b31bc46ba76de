import { vi } from 'vitest';
import type { EmailLoggingSettings, LookupResult, WriteRequest } from '@/lib/messaging/protocol';
import type { AskWorker } from '@/lib/overlay/ask-type';
import type { Contact } from '@/lib/vivre/contract-types';

export function contact(id: string, email: string, name: string): Contact {
  return {
    id,
    name,
    email,
    company: null,
    ai_score: 70,
    stage: 'qualified',
    tags: [],
    created_at: '2026-01-01T00:00:00Z',
  };
}

export const SNEHA = contact('cnt_sneha', 'sneha.kulkarni@acme-tech.example', 'Sneha Kulkarni');
export const DEEPA = contact('cnt_deepa', 'deepa.menon@kiran-logistics.example', 'Deepa Menon');
export const RAHUL = contact('cnt_8821', 'rahul.sharma@acme-tech.example', 'Rahul Sharma');

/**
 * A worker that knows `known`, skips `neverLookup` addresses as the real one does, serves the
 * email-logging preferences, and records every write it is asked to queue.
 */
export function fakeWorker({
  known = [SNEHA, DEEPA, RAHUL],
  neverLookup = [] as string[],
  prefs = {} as Partial<EmailLoggingSettings>,
  failWrites = false,
} = {}) {
  const writes: WriteRequest[] = [];
  const emailLogging: EmailLoggingSettings = {
    logEmailsByDefault: false,
    excerptLength: 500,
    addUnknownRecipients: false,
    ...prefs,
  };
  const ask = vi.fn(async (type: string, data?: unknown) => {
    switch (type) {
      case 'lookupContacts': {
        const value: Record<string, LookupResult> = {};
        for (const email of (data as { emails: string[] }).emails) {
          const found = known.find((person) => person.email === email);
          value[email] = neverLookup.some((entry) => email.endsWith(entry))
            ? { status: 'skipped', reason: 'never_lookup' }
            : found
              ? { status: 'found', contact: found, fetchedAt: 0, stale: false }
              : { status: 'not_found', fetchedAt: 0, stale: false };
        }
        return { ok: true, value };
      }
      case 'getSettings':
        return { ok: true, value: { emailLogging } };
      case 'enqueueWrite':
        if (failWrites) return { ok: false, error: { kind: 'validation', message: 'Refused.' } };
        writes.push((data as { write: WriteRequest }).write);
        return { ok: true, value: { id: `out_${writes.length}`, state: 'waiting' } };
      default:
        return { ok: false, error: { kind: 'unknown', message: `not faked: ${type}` } };
    }
  });
  /** The logged activities as [contact id, note]. */
  const activities = () =>
    writes.flatMap((write) =>
      write.kind === 'logActivity' ? [[write.body.contact_id, write.body.note] as const] : [],
    );
  return { ask: ask as unknown as AskWorker, mock: ask, writes, activities };
}
