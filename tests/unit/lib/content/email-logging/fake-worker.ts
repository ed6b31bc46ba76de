import { vi } from 'vitest';
import { createEmailLogger } from '@/lib/worker/email-logging/email-logger';
import { createHeldSends, type HeldSend } from '@/lib/worker/email-logging/held-sends';
import type {
  EmailLoggingSettings,
  EmailToLog,
  LookupResult,
  WriteRequest,
} from '@/lib/shared/messaging/protocol';
import type { Ask } from '@/lib/shared/messaging/messenger';
import type { Contact, Deal } from '@/lib/shared/vivre/contract-types';
import { openDeals } from '@/lib/shared/email-deal';

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

/** The one workspace this worker logs to. */
const CONNECTION = {
  baseUrl: 'https://api.vivre.test/v1',
  workspaceId: 'ws_demo',
  keyFingerprint: '0',
};

export const SNEHA = contact('cnt_sneha', 'sneha.kulkarni@acme-tech.example', 'Sneha Kulkarni');
export const DEEPA = contact('cnt_deepa', 'deepa.menon@kiran-logistics.example', 'Deepa Menon');
export const RAHUL = contact('cnt_8821', 'rahul.sharma@acme-tech.example', 'Rahul Sharma');

/**
 * A worker that knows `known`, skips `neverLookup` addresses as the real one does, serves the
 * email-logging preferences, logs emails with the real worker-side logger, and records every
 * write it queues. `logged` is its storage of logged message ids, shared by every tab.
 * `connected: false` answers as an install not yet connected to Vivre (no key).
 */
export function fakeWorker({
  known = [SNEHA, DEEPA, RAHUL],
  neverLookup = [] as string[],
  prefs = {} as Partial<EmailLoggingSettings>,
  failWrites = false,
  deals = {} as Record<string, Deal[]>,
  connected = true,
} = {}) {
  const writes: WriteRequest[] = [];
  let isConnected = connected;
  const emailLogging: EmailLoggingSettings = {
    logEmailsByDefault: false,
    excerptLength: 500,
    addUnknownRecipients: false,
    ...prefs,
  };
  const lookup = async (emails: string[]) => {
    const value: Record<string, LookupResult> = {};
    for (const email of emails) {
      const found = known.find((person) => person.email === email);
      value[email] = neverLookup.some((entry) => email.endsWith(entry))
        ? { status: 'skipped', reason: 'never_lookup' }
        : found
          ? { status: 'found', contact: found, fetchedAt: 0, stale: false }
          : { status: 'not_found', fetchedAt: 0, stale: false };
    }
    return value;
  };
  const logged: Record<string, number> = {};
  let tempIds = 0;
  const logger = createEmailLogger({
    lookup,
    async enqueue(write) {
      if (failWrites) throw new Error('Refused.');
      writes.push(write);
    },
    prefs: async () => emailLogging,
    dealsOf: async (contactId) => deals[contactId] ?? [],
    logged: {
      get: async () => ({ ...logged }),
      remember: async (id, at) => void (logged[id] = at),
    },
    now: () => Date.UTC(2026, 10, 24, 9, 30),
    makeTempId: () => `tmp_${++tempIds}`,
  });
  // Held sends as the worker keeps them, in memory; `clock` moves their commit times.
  let heldStore: Record<string, HeldSend> = {};
  const clock = { now: Date.UTC(2026, 10, 24, 9, 30), wakeAt: null as number | null };
  const held = createHeldSends({
    store: { get: async () => ({ ...heldStore }), set: async (next) => void (heldStore = next) },
    commit: ({ plan }) => logger.enqueue(plan),
    wakeAt: async (at) => void (clock.wakeAt = at),
    now: () => clock.now,
  });
  const ask = vi.fn(async (type: string, data?: unknown) => {
    switch (type) {
      case 'holdEmailLog': {
        const { sendId, commitAt, email } = data as {
          sendId: string;
          commitAt: number;
          email: EmailToLog;
        };
        const plan = await logger.plan(email);
        await held.hold(sendId, { plan, connection: CONNECTION, commitAt });
        return { ok: true, value: null };
      }
      case 'settleEmailLog': {
        const { sendId, outcome } = data as { sendId: string; outcome: 'sent' | 'undone' };
        return { ok: true, value: await held.settle(sendId, outcome) };
      }
      case 'lookupContacts':
        return { ok: true, value: await lookup((data as { emails: string[] }).emails) };
      case 'logEmail':
        return { ok: true, value: await logger.logEmail(data as EmailToLog) };
      case 'getLoggedEmails':
        return {
          ok: true,
          value: await logger.loggedAt((data as { messageIds: string[] }).messageIds),
        };
      case 'getEmailLoggingPrefs':
        return {
          ok: true,
          value: { emailLogging, emailTextAllowed: true, connected: isConnected },
        };
      case 'getOpenDeals': {
        const { contactId } = data as { contactId: string };
        const found = known.find((person) => person.id === contactId);
        if (!found) return { ok: false, error: { kind: 'not_found', message: 'Not found.' } };
        return { ok: true, value: openDeals(deals[contactId] ?? []) };
      }
      default:
        return { ok: false, error: { kind: 'unknown', message: `not faked: ${type}` } };
    }
  });
  /** The deal each logged activity was tied to, in order (null: none). */
  const dealIds = () =>
    writes.flatMap((write) => (write.kind === 'logActivity' ? [write.body.deal_id ?? null] : []));
  /** The logged activities as [contact id, note]. */
  const activities = () =>
    writes.flatMap((write) =>
      write.kind === 'logActivity' ? [[write.body.contact_id, write.body.note] as const] : [],
    );
  return {
    ask: ask as unknown as Ask,
    mock: ask,
    writes,
    activities,
    dealIds,
    logged,
    /** The sends the worker holds now, by send id; `commitDue` is its alarm firing. */
    held: () => ({ ...heldStore }),
    commitDue: held.commitDue,
    clock,
    /** The rep saves a key in the options page. */
    connect: () => void (isConnected = true),
  };
}
