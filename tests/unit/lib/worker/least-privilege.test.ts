/**
 * Least privilege (issue 12, point 3): each kind of sender gets exactly the messages it
 * uses, so a Gmail page that drives our content script or our card reaches no settings, no
 * queued notes and no outbox actions; and every id a message carries has the shape it must.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MESSAGES, type SenderKind } from '@/lib/shared/messaging/messages';
import type { MessageType } from '@/lib/shared/messaging/messenger';
import { classifySender } from '@/lib/worker/router';
import { CONTACT, json, list } from './vivre/fake-vivre';
import {
  CARD,
  GMAIL_TAB,
  OPTIONS,
  PANEL,
  POPUP,
  SELF,
  SENDERS,
  settle,
  startWorker as startHarnessWorker,
} from './harness';

/**
 * Every worker a test starts is closed after it: an outbox left open retries its writes later
 * through whichever fetch stub is current, and a later test would count another test's request.
 */
const started: Array<ReturnType<typeof startHarnessWorker>> = [];
function startWorker(...args: Parameters<typeof startHarnessWorker>) {
  const worker = startHarnessWorker(...args);
  started.push(worker);
  return worker;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map(({ worker }) => worker.outbox.close()));
  vi.unstubAllGlobals();
});

/** The policy, written out: a widened table fails here first. */
const ALLOWED: Record<SenderKind, MessageType[]> = {
  popup: [
    'getStatus',
    'lookupContacts',
    'getContactDetails',
    'searchContacts',
    'enqueueWrite',
    'retryOutboxItem',
    'discardOutboxItem',
    'sendOutboxWithKey',
    'flushOutbox',
    'listOutboxPage',
    'listPendingFor',
  ],
  options: [
    'getSettings',
    'saveSettings',
    'testConnection',
    'savePrivacy',
    'saveEmailLogging',
    // Every preference travels through the worker, its only writer (one way, checked once).
    'saveInboxList',
    'saveAppUrl',
    'clearContactCache',
  ],
  card: [
    'getStatus',
    'getContactDetails',
    'lookupContacts',
    'searchContacts',
    // Every write the card makes (a log, a new contact, a new deal, a stage move) is one of
    // these: the outbox's write kinds, not more messages, so the card needs nothing else.
    'enqueueWrite',
    'getWriteStatus',
    'openOptions',
  ],
  // Gmail's page can drive the content script's inputs: it gets what chips and email logging
  // use, and no more. No enqueueWrite (what it logs, the worker plans), no contact details (a
  // contact's activities hold the rep's notes), no write status, no status, no options page.
  gmail: [
    'lookupContacts',
    // Its chips left the page: their lookups still queued need not be sent (no answer, no data).
    'giveUpLookups',
    'logEmail',
    'getLoggedEmails',
    'getEmailLoggingPrefs',
    // A sent compose held through Gmail's Undo Send window, then logged or dropped.
    'holdEmailLog',
    'settleEmailLog',
    // The Deal menu beside "Log to Vivre" and "Log this email": the contact's open deals only.
    'getOpenDeals',
    // Its own email-logging script, into its own frame, once a compose or a message shows.
    'loadEmailLogging',
  ],
  // The panel beside the email: the thread's people, one whole, their timeline, and the same
  // writes as the card. Its outbox line links to the popup: no outbox actions, no settings.
  panel: [
    'getStatus',
    'lookupContacts',
    'getContactDetails',
    'searchContacts',
    'enqueueWrite',
    'getActivityPage',
    // What the outbox holds for the person shown, laid over their timeline.
    'listPendingFor',
  ],
};

describe('who may send what', () => {
  it('gives each sender kind exactly the messages it uses', () => {
    const table = Object.fromEntries(
      (Object.keys(ALLOWED) as SenderKind[]).map((kind) => [
        kind,
        (Object.keys(MESSAGES) as MessageType[])
          .filter((type) => MESSAGES[type].from.includes(kind))
          .sort(),
      ]),
    );
    const expected = Object.fromEntries(
      Object.entries(ALLOWED).map(([kind, types]) => [kind, [...types].sort()]),
    );
    expect(table).toEqual(expected);
  });

  it('has no message for reading the whole outbox: pages follow the feed, Gmail its states', () => {
    expect(Object.keys(MESSAGES)).not.toContain('getOutbox');
  });

  it.each(Object.keys(MESSAGES) as MessageType[])(
    'refuses %s from every sender kind not allowed it, before reading its data',
    async (type) => {
      const { ask, requests } = startWorker(() => json(200, list([CONTACT])));
      for (const kind of Object.keys(SENDERS) as SenderKind[]) {
        if (ALLOWED[kind].includes(type)) continue;
        expect(await ask(type, { nonsense: true }, SENDERS[kind])).toMatchObject({
          ok: false,
          error: { kind: 'forbidden' },
        });
      }
      await settle();
      expect(requests).toHaveLength(0);
    },
  );
});

describe('telling our pages apart', () => {
  const page = (file: string, extra: object = {}) => ({
    ...POPUP,
    url: `${SELF.root}${file}`,
    ...extra,
  });
  const gmailTab = { id: 3, url: 'https://mail.google.com/mail/u/0/#inbox' };

  it.each([
    [
      'the popup opened as a tab',
      page('popup.html', { frameId: 0, tab: { id: 9, url: `${SELF.root}popup.html` } }),
      'popup',
    ],
    ['the popup with a query', page('popup.html?from=shortcut'), 'popup'],
    ['the card framed in a Gmail tab', CARD, 'card'],
    ['the card in a Gmail tab whose URL Firefox left out', { ...CARD, tab: { id: 3 } }, 'card'],
    ['the options page in its tab', OPTIONS, 'options'],
    ["the panel in Chrome's side panel or Firefox's sidebar", PANEL, 'panel'],
    [
      'the panel opened as a tab',
      page('sidepanel.html', { frameId: 0, tab: { id: 11, url: `${SELF.root}sidepanel.html` } }),
      'panel',
    ],
  ] as const)('knows %s', (_what, sender, kind) => {
    expect(classifySender(sender, SELF)).toBe(kind);
  });

  it.each([
    [
      'the card as a top-level tab',
      page('card.html', { frameId: 0, tab: { id: 5, url: `${SELF.root}card.html` } }),
    ],
    ['the card framed in another site', { ...CARD, tab: { id: 5, url: 'https://evil.example/' } }],
    ['the card with no tab', page('card.html', { frameId: 2 })],
    ['the options page framed somewhere', page('options.html', { frameId: 3, tab: gmailTab })],
    ['the popup framed in Gmail', page('popup.html', { frameId: 3, tab: gmailTab })],
    ['the panel framed in Gmail', page('sidepanel.html', { frameId: 3, tab: gmailTab })],
    [
      'the panel in a tab showing another site',
      page('sidepanel.html', { tab: { url: 'https://mail.google.com/mail/u/0/' } }),
    ],
    [
      'the popup in a tab showing another site',
      page('popup.html', { tab: { url: 'https://example.com/' } }),
    ],
    ['another page of ours', page('privacy.html')],
    ['a path that only starts like a page', page('popup.html.evil/x')],
  ])('refuses %s', (_what, sender) => {
    expect(classifySender(sender, SELF)).toBeNull();
  });
});

describe('ids have the shape they must', () => {
  const tmp = `tmp_${crypto.randomUUID()}`;
  const call = (body: object) => ({
    write: { kind: 'logActivity', body: { type: 'call', ...body } },
  });

  it.each([
    [
      'a temporary id that names a real contact',
      'enqueueWrite',
      {
        write: {
          kind: 'createContact',
          tempId: 'cnt_8821',
          body: { name: 'A', email: 'a@b.example' },
        },
      },
    ],
    [
      'a temporary id that is not tmp_<uuid>',
      'enqueueWrite',
      {
        write: {
          kind: 'createContact',
          tempId: 'tmp_1',
          body: { name: 'A', email: 'a@b.example' },
        },
      },
    ],
    ['a contact id of ..', 'enqueueWrite', call({ contact_id: '..' })],
    ['a contact id of .', 'enqueueWrite', call({ contact_id: '.' })],
    ['a contact id with a slash', 'enqueueWrite', call({ contact_id: 'cnt_1/../deals' })],
    ['a contact id with an escape', 'enqueueWrite', call({ contact_id: 'cnt_%2e%2e' })],
    ['a real id that poses as temporary', 'enqueueWrite', call({ contact_id: 'tmp_8821' })],
    [
      'a deal id of ..',
      'enqueueWrite',
      { write: { kind: 'updateDeal', dealId: '..', body: { stage: 'won' } } },
    ],
    ['a details request for ..', 'getContactDetails', { contactId: '..' }],
    ['a details request for a temporary id', 'getContactDetails', { contactId: tmp }],
    ['an outbox id that is not one', 'getWriteStatus', { id: 'item_1' }],
    ['an outbox id of ..', 'discardOutboxItem', { id: '..' }],
    ['a Gmail message id with a slash', 'getLoggedEmails', { messageIds: ['#msg-f:1/2'] }],
  ] as const)('refuses %s', async (_what, type, data) => {
    const { ask, requests } = startWorker(() => json(200, list([CONTACT])));
    expect(await ask(type, data)).toMatchObject({ ok: false, error: { kind: 'validation' } });
    await settle();
    expect(requests).toHaveLength(0);
  });

  it('takes tmp_<uuid> for records created offline and safe ids for real ones', async () => {
    const { ask, worker } = startWorker(() => json(200, list([CONTACT])));
    const create = await ask(
      'enqueueWrite',
      {
        write: {
          kind: 'createContact',
          tempId: tmp,
          body: { name: 'Arjun', email: 'arjun@x.example' },
        },
      },
      CARD,
    );
    expect(create).toMatchObject({ ok: true });
    expect(await ask('enqueueWrite', call({ contact_id: tmp }), CARD)).toMatchObject({
      ok: true,
    });
    expect(
      await ask('enqueueWrite', call({ contact_id: 'cnt_8821', deal_id: 'dl-4420' })),
    ).toMatchObject({ ok: true });
    await worker.outbox.close();
  });
});

describe('the Deal menu in Gmail', () => {
  it("answers the content script a contact's open deals and nothing else of the contact", async () => {
    const deal = (id: string, stage: string) => ({
      id,
      contact_id: CONTACT.id,
      title: `Deal ${id}`,
      value: 1000,
      stage,
      created_at: CONTACT.created_at,
    });
    const { ask, requests } = startWorker((req) => {
      if (req.url.pathname === '/v1/deals')
        return json(200, list([deal('dl_open', 'proposal'), deal('dl_won', 'won')]));
      const note = { id: 'act_1', contact_id: CONTACT.id, type: 'note', note: 'secret note' };
      if (req.url.pathname === '/v1/activities') return json(200, list([note]));
      return json(200, CONTACT);
    });
    const answer = await ask('getOpenDeals', { contactId: CONTACT.id }, GMAIL_TAB);
    expect(answer).toEqual({ ok: true, value: [deal('dl_open', 'proposal')] });
    expect(requests.map((request) => request.url.pathname)).toEqual(['/v1/deals']);
  });
});

describe('the status of one write', () => {
  it('tells the card where its write stands, and nothing of its content', async () => {
    const { ask, worker } = startWorker(() => {
      throw new TypeError('Failed to fetch');
    });
    const queued = await ask('enqueueWrite', noteWrite('secret note'), CARD);
    const id = queued.ok ? queued.value.id : '';
    const status = await ask('getWriteStatus', { id }, CARD);
    expect(status).toEqual({ ok: true, value: { state: 'waiting' } });
    expect(JSON.stringify(status)).not.toContain('secret note');
    expect(await ask('getWriteStatus', { id: crypto.randomUUID() }, CARD)).toEqual({
      ok: true,
      value: null,
    });
    await worker.outbox.close();
  });
});

function noteWrite(note: string) {
  return { write: { kind: 'logActivity', body: { contact_id: 'cnt_8821', type: 'note', note } } };
}
