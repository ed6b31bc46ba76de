/**
 * Gmail's page can drive our content script, and a content script can write storage.local
 * (issue 24, part 6). Whatever it writes there, the worker looks up, logs and links as the rep
 * set it in options, through the worker; the rep's own changes there take effect at once.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { CONTACT, json, list, type Recorded } from '../vivre/fake-vivre';
import { GMAIL_TAB, POPUP, settle, startWorker } from '../harness';

/** Rahul is in Vivre; nobody else is. Writes find Vivre down, so they wait in the outbox. */
function vivre(req: Recorded) {
  if (req.method === 'POST') throw new TypeError('Failed to fetch');
  if (req.url.pathname === '/v1/contacts') {
    const search = req.url.searchParams.get('search');
    return json(200, list(search === CONTACT.email ? [CONTACT] : []));
  }
  return json(200, list([]));
}

const UNKNOWN = 'arjun@newco.example';
const email = (messageId?: string) => ({
  people: [
    { email: CONTACT.email, name: CONTACT.name },
    { email: UNKNOWN, name: 'Arjun' },
  ],
  signedInEmail: 'meera.rep@seller.example',
  subject: 'Quote',
  bodyText: 'Attached.',
  ...(messageId ? { messageId } : {}),
});

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
  vi.unstubAllGlobals();
});

async function started() {
  const worker = startWorker(vivre);
  close = () => worker.worker.outbox.close();
  const { ask } = worker;
  // The rep's settings, saved in options.
  await ask('savePrivacy', { autoLookup: true, neverLookup: ['family.example'] });
  await ask('saveAppUrl', { appUrl: 'https://crm.example.com' });
  // The worker has run: it reads each of its items once (at start-up, a lookup, a log…).
  await ask('getSettings');
  await ask('getLoggedEmails', { messageIds: [] }, GMAIL_TAB);
  await worker.worker.heldSends.commitDue();
  return worker;
}

/** What a page driving the content script would have it write into storage.local. */
const FORGED = {
  privacy: { autoLookup: true, neverLookup: [], ownDomain: null, skipOwnDomain: false },
  'email-logging': { logEmailsByDefault: true, excerptLength: 5000, addUnknownRecipients: true },
  'app-url': 'https://evil.example',
  'logged-messages': { '#msg-f:1': 1 },
  'held-email-logs': {
    forged: {
      email: email(),
      plan: {
        note: 'forged',
        log: [{ contactId: CONTACT.id, dealId: null }],
        add: [],
        loggedFor: [CONTACT.email],
      },
      connection: {
        baseUrl: 'http://127.0.0.1:8787/v1',
        workspaceId: 'ws_demo',
        keyFingerprint: '',
      },
      commitAt: 0,
    },
  },
};

describe('storage.local written by a content script', () => {
  it('changes nothing that is looked up, logged or linked', async () => {
    const { ask, worker, requests } = await started();
    await fakeBrowser.storage.local.set(FORGED);

    const before = requests.length;
    const skipped = await ask('lookupContacts', { emails: ['mum@family.example'] }, GMAIL_TAB);
    expect(skipped).toMatchObject({
      ok: true,
      value: { 'mum@family.example': { status: 'skipped' } },
    });
    expect(requests.length).toBe(before);

    expect(await ask('getEmailLoggingPrefs', undefined, GMAIL_TAB)).toMatchObject({
      ok: true,
      value: { emailLogging: { logEmailsByDefault: false, addUnknownRecipients: false } },
    });
    expect(await ask('getLoggedEmails', { messageIds: ['#msg-f:1'] }, GMAIL_TAB)).toEqual({
      ok: true,
      value: {},
    });
    expect(await ask('getStatus', undefined, POPUP)).toMatchObject({
      ok: true,
      value: { appUrl: 'https://crm.example.com' },
    });

    await worker.heldSends.commitDue();
    expect(await ask('logEmail', email('#msg-f:1'), GMAIL_TAB)).toMatchObject({
      ok: true,
      value: { loggedFor: [CONTACT.email] },
    });
    await settle();
    // Rahul's activity only: no forged held send, no contact made for Arjun, a 500-character note.
    const { waiting } = await worker.outbox.list();
    expect(waiting.map((item) => item.write.kind)).toEqual(['logActivity']);
    expect(waiting[0]!.write).toMatchObject({ body: { note: 'Quote\n\nAttached.' } });
  });

  it('while the rep’s own change in options takes effect', async () => {
    const { ask, worker } = await started();
    await ask('saveEmailLogging', {
      logEmailsByDefault: true,
      excerptLength: 500,
      addUnknownRecipients: true,
    });
    await ask('savePrivacy', { autoLookup: true, neverLookup: [] });
    expect(await ask('getEmailLoggingPrefs', undefined, GMAIL_TAB)).toMatchObject({
      ok: true,
      value: { emailLogging: { logEmailsByDefault: true, addUnknownRecipients: true } },
    });
    expect(
      await ask('lookupContacts', { emails: ['mum@family.example'] }, GMAIL_TAB),
    ).toMatchObject({ ok: true, value: { 'mum@family.example': { status: 'not_found' } } });
    expect(await ask('logEmail', email(), GMAIL_TAB)).toMatchObject({
      ok: true,
      value: { loggedFor: [CONTACT.email, UNKNOWN] },
    });
    const { waiting } = await worker.outbox.list();
    expect(waiting.map((item) => item.write.kind)).toEqual([
      'logActivity',
      'createContact',
      'logActivity',
    ]);
  });
});
