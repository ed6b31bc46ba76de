import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { outboxFeedItem, writeStatesItem } from '@/lib/shared/storage/items';
import { appUrlItem } from '@/lib/worker/storage/items';
import { SANDBOX_BASE_URL } from '@/lib/shared/vivre/base-url';
import { FLUSH_ALARM } from '@/lib/worker/outbox/wake-alarm';
import { CONTACT, json, list, type Handler, type Recorded } from './vivre/fake-vivre';
import { CARD, GMAIL_TAB, settle, startWorker } from './harness';

const ME = {
  workspace: { id: 'ws_demo', name: 'Demo Workspace' },
  key: { prefix: 'vv_test_demo_wr', permissions: ['read', 'write'] },
};
const ACTIVITY = {
  id: 'act_1',
  contact_id: 'cnt_8821',
  type: 'call',
  note: 'Spoke',
  created_at: CONTACT.created_at,
};
const NOTE = {
  kind: 'logActivity',
  body: { contact_id: 'cnt_8821', type: 'call', note: 'Spoke' },
} as const;

/** A small Vivre: `/me`, contact search and activity logging; `down` answers every request offline. */
function vivre(state = { down: false, refuseKey: false }): Handler {
  return (req: Recorded) => {
    if (state.down) throw new TypeError('Failed to fetch');
    if (state.refuseKey)
      return json(401, { error: { type: 'authentication_error', message: 'Invalid key' } });
    if (req.url.pathname === '/v1/me') return json(200, ME);
    if (req.url.pathname === '/v1/contacts') return json(200, list([CONTACT]));
    if (req.url.pathname === '/v1/activities' && req.method === 'POST') return json(201, ACTIVITY);
    // Read back after a lost answer (lib/worker/outbox/reconcile.ts): nothing there yet.
    if (req.url.pathname === '/v1/activities') return json(200, list([]));
    return json(404, undefined);
  };
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function start(handler: Handler, options?: Parameters<typeof startWorker>[1]) {
  const started = startWorker(handler, options);
  close = () => started.worker.outbox.close();
  return started;
}

describe('worker', () => {
  it('works out of the box in a development build: sandbox, demo workspace, demo key', async () => {
    const { ask, requests } = start(vivre());
    const answer = await ask('lookupContacts', { emails: [CONTACT.email] }, GMAIL_TAB);
    expect(answer).toMatchObject({ ok: true, value: { [CONTACT.email]: { status: 'found' } } });
    expect(requests[0]!.url.href.startsWith(SANDBOX_BASE_URL)).toBe(true);
    expect(requests[0]!.headers.get('X-Workspace-ID')).toBe('ws_demo');
  });

  it('sends an enqueued write with its idempotency key and counts it on the badge until it lands', async () => {
    const state = { down: true, refuseKey: false };
    const { ask, requests, worker } = start(vivre(state));
    const answer = await ask('enqueueWrite', { write: NOTE }, CARD);
    expect(answer).toMatchObject({ ok: true, value: { state: 'waiting' } });
    await settle();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    const alarm = await fakeBrowser.alarms.get(FLUSH_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(Date.now() + 29_000);

    state.down = false;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(alarm!.scheduledTime);
    await worker.outbox.flushOutbox(); // what the alarm does
    await settle();
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(posts.map((r) => r.headers.get('Idempotency-Key'))).size).toBe(1);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await worker.outbox.list()).toMatchObject({ waiting: [], attention: [], paused: null });
  });

  it('publishes each outbox change: the listing for pages, states without content for chips', async () => {
    const state = { down: true, refuseKey: false };
    const { ask, worker } = start(vivre(state));
    const answer = await ask('enqueueWrite', { write: NOTE }, CARD);
    const id = answer.ok ? answer.value.id : '';
    await settle();
    expect(await writeStatesItem.getValue()).toEqual({ [id]: { state: 'waiting' } });
    expect((await outboxFeedItem.getValue())?.waiting.map((item) => item.id)).toEqual([id]);

    state.down = false;
    const alarm = await fakeBrowser.alarms.get(FLUSH_ALARM);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(alarm!.scheduledTime);
    await worker.outbox.flushOutbox(); // what the alarm does
    // Changes soon after a publish are gathered a moment (lib/worker/outbox/feed.ts).
    await vi.waitFor(async () =>
      expect(await writeStatesItem.getValue()).toEqual({ [id]: { state: 'synced' } }),
    );
    const states = await writeStatesItem.getValue();
    // The content script's view holds no note: only ids and states.
    expect(JSON.stringify(states)).not.toContain(NOTE.body.note);
    expect((await outboxFeedItem.getValue())?.synced.map((item) => item.id)).toEqual([id]);
  });

  it('pauses the outbox on a refused key, and saving new settings resumes it', async () => {
    const state = { down: false, refuseKey: true };
    const { ask, requests, worker } = start(vivre(state));
    await ask('enqueueWrite', { write: NOTE });
    // Until the outbox has heard the refusal (a number of event-loop turns that grows with load).
    await vi.waitFor(async () =>
      expect(await ask('getStatus')).toMatchObject({
        ok: true,
        value: { connection: 'unauthorized', waitingCount: 1 },
      }),
    );
    expect(await worker.outbox.list()).toMatchObject({ paused: { kind: 'unauthorized' } });

    state.refuseKey = false;
    const saved = await ask('saveSettings', {
      apiKey: 'vv_test_new_key_000000000000000',
      workspaceId: 'ws_demo',
      baseUrl: SANDBOX_BASE_URL,
    });
    expect(saved).toMatchObject({ ok: true, value: { maskedKey: 'vv_test_…0000' } });
    await vi.waitFor(async () =>
      expect(await ask('getStatus')).toMatchObject({
        ok: true,
        value: {
          connection: 'ok',
          waitingCount: 0,
          workspaceName: 'Demo Workspace',
          permissions: ['read', 'write'],
        },
      }),
    );
    const lastPost = requests.filter((r) => r.method === 'POST').at(-1)!;
    expect(lastPost.headers.get('Authorization')).toBe('Bearer vv_test_new_key_000000000000000');
  });

  it('pauses the outbox when a lookup finds the key refused', async () => {
    const { ask, worker } = start(vivre({ down: false, refuseKey: true }));
    const answer = await ask('lookupContacts', { emails: [CONTACT.email] }, GMAIL_TAB);
    expect(answer).toMatchObject({
      ok: true,
      value: { [CONTACT.email]: { error: { kind: 'unauthorized' } } },
    });
    await settle();
    expect(await worker.outbox.list()).toMatchObject({ paused: { kind: 'unauthorized' } });
    expect(await ask('getStatus')).toMatchObject({
      ok: true,
      value: { connection: 'unauthorized' },
    });
  });

  it('asks a Vivre without /v1/me only once, and still reports the connection', async () => {
    const { ask, requests } = start((req) =>
      req.url.pathname === '/v1/contacts' ? json(200, list([CONTACT])) : json(404, undefined),
    );
    await ask('lookupContacts', { emails: [CONTACT.email] }, GMAIL_TAB);
    for (let i = 0; i < 3; i++) {
      expect(await ask('getStatus')).toMatchObject({
        ok: true,
        value: { connection: 'ok', workspaceId: 'ws_demo', permissions: null },
      });
    }
    expect(requests.filter((r) => r.url.pathname === '/v1/me')).toHaveLength(1);
  });

  it('links “Open in Vivre” to the web app set in Options, never to a non-web address', async () => {
    const { ask } = start(vivre());
    const appUrl = async () =>
      ((await ask('getStatus')) as { value: { appUrl: string } }).value.appUrl;
    expect(await appUrl()).toBe('http://127.0.0.1:8787');
    await appUrlItem.setValue('https://crm.example.com/app');
    expect(await appUrl()).toBe('https://crm.example.com/app');
    await appUrlItem.setValue('javascript:alert(1)');
    expect(await appUrl()).toBe('http://127.0.0.1:8787');
  });

  it('never tests a connection against an origin it holds no permission for', async () => {
    const { ask, requests } = start(vivre(), {
      permitted: (url) => url.startsWith('http://127.0.0.1'),
    });
    const answer = await ask('testConnection', {
      apiKey: 'vv_live_0000000000000000',
      workspaceId: 'ws_demo',
      baseUrl: 'https://collector.evil.example/v1',
    });
    expect(answer).toMatchObject({ ok: true, value: { ok: false, error: { param: 'baseUrl' } } });
    expect(requests).toHaveLength(0);
    const allowed = await ask('testConnection', {
      workspaceId: 'ws_demo',
      baseUrl: SANDBOX_BASE_URL,
    });
    expect(allowed).toMatchObject({
      ok: true,
      value: { ok: true, workspaceName: 'Demo Workspace' },
    });
  });

  it('keeps the key out of queued writes and every other database', async () => {
    const { ask } = start(vivre({ down: true, refuseKey: false }));
    await ask('enqueueWrite', { write: NOTE }, CARD);
    await ask('lookupContacts', { emails: [CONTACT.email] }, GMAIL_TAB);
    await settle();
    const dumps: string[] = [];
    for (const { name } of await indexedDB.databases()) {
      if (!name || name === 'vivre-settings') continue;
      const db = await openDB(name);
      for (const store of db.objectStoreNames) dumps.push(JSON.stringify(await db.getAll(store)));
      db.close();
    }
    expect(dumps.join('')).toContain('Spoke'); // the queued note is there…
    expect(dumps.join('')).not.toContain('vv_test_demo_write'); // …and the key is not
    expect(JSON.stringify(await fakeBrowser.storage.local.get())).not.toContain(
      'vv_test_demo_write',
    );
    expect(JSON.stringify(await fakeBrowser.storage.session.get())).not.toContain(
      'vv_test_demo_write',
    );
  });

  it('explains why an outbox action cannot be done', async () => {
    const { ask } = start(vivre());
    expect(await ask('retryOutboxItem', { id: crypto.randomUUID() })).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: 'This item is no longer in the outbox.' },
    });
  });

  it('never hands the key to anyone who asks for the settings', async () => {
    const { ask } = start(vivre());
    const answer = await ask('getSettings');
    expect(answer.ok && answer.value.maskedKey).toBe('vv_test_…0000');
    expect(JSON.stringify(answer)).not.toContain('vv_test_demo_write_0000000000000000');
    // Gmail (its content script, or a page there driving it) gets no settings at all.
    expect(await ask('getSettings', undefined, GMAIL_TAB)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
  });

  it('keeps every preference it is sent from options, checked, and answers them in the settings', async () => {
    const { ask } = start(vivre());
    expect(await ask('saveAppUrl', { appUrl: 'ftp://crm.example.com' })).toMatchObject({
      ok: false,
      error: { kind: 'validation', param: 'appUrl' },
    });
    expect(await appUrlItem.getValue()).toBeNull();
    expect(await ask('saveAppUrl', { appUrl: ' https://crm.example.com/app/ ' })).toEqual({
      ok: true,
      value: 'https://crm.example.com/app',
    });
    expect(await ask('saveInboxList', { showScores: false, hotLeadThreshold: 80 })).toEqual({
      ok: true,
      value: { showScores: false, hotLeadThreshold: 80 },
    });
    // Where the content script reads the list prefs, without the storage library.
    expect((await fakeBrowser.storage.local.get('inbox-list'))['inbox-list']).toEqual({
      showScores: false,
      hotLeadThreshold: 80,
    });
    expect(await ask('getSettings')).toMatchObject({
      ok: true,
      value: {
        appUrl: 'https://crm.example.com/app',
        inboxList: { showScores: false, hotLeadThreshold: 80 },
      },
    });
  });

  it("adds the rep's own domain to the never-look-up list, and skips it", async () => {
    const { ask } = start(vivre());
    const answer = await ask(
      'lookupContacts',
      { emails: ['colleague@my-company.example'], signedInEmail: 'rep@my-company.example' },
      GMAIL_TAB,
    );
    expect(answer).toMatchObject({
      ok: true,
      value: { 'colleague@my-company.example': { status: 'skipped' } },
    });
    expect(await ask('getSettings')).toMatchObject({
      ok: true,
      value: { neverLookup: ['my-company.example'] },
    });
    // Another account in the same browser: its colleagues are skipped, the first one's are not.
    const other = await ask(
      'lookupContacts',
      {
        emails: ['colleague@my-company.example', 'dave@other.example'],
        signedInEmail: 'rep@other.example',
      },
      GMAIL_TAB,
    );
    expect(other).toMatchObject({
      ok: true,
      value: {
        'colleague@my-company.example': { status: 'not_found' },
        'dave@other.example': { status: 'skipped' },
      },
    });
  });

  it('skips the colleagues of the account each Gmail tab is signed in to, even when both ask at once', async () => {
    const { ask } = start(vivre());
    const tab = (id: number) => ({ ...GMAIL_TAB, tab: { ...GMAIL_TAB.tab, id } });
    const emails = ['colleague@my-company.example', 'dave@other.example'];
    const [mine, theirs] = await Promise.all([
      ask('lookupContacts', { emails, signedInEmail: 'rep@my-company.example' }, tab(3)),
      ask('lookupContacts', { emails, signedInEmail: 'rep@other.example' }, tab(4)),
    ]);
    expect(mine).toMatchObject({
      ok: true,
      value: {
        'colleague@my-company.example': { status: 'skipped' },
        'dave@other.example': { status: 'not_found' },
      },
    });
    expect(theirs).toMatchObject({
      ok: true,
      value: {
        'colleague@my-company.example': { status: 'not_found' },
        'dave@other.example': { status: 'skipped' },
      },
    });
  });

  it('logs an email for the people outside the account it was sent from, whatever another tab says', async () => {
    const dave = { ...CONTACT, id: 'cnt_dave', name: 'Dave', email: 'dave@other.example' };
    const { ask, worker } = start((req) =>
      req.url.pathname === '/v1/contacts' && req.method === 'GET'
        ? json(200, list([dave]))
        : vivre({ down: true, refuseKey: false })(req),
    );
    const email = {
      people: [{ email: dave.email, name: 'Dave' }],
      signedInEmail: 'rep@my-company.example',
      subject: 'Proposal',
      bodyText: 'Attached.',
    };
    const otherTab = { ...GMAIL_TAB, tab: { ...GMAIL_TAB.tab, id: 4 } };
    // Sent from my-company.example, where Dave is a customer, while a tab signed in at
    // other.example, where Dave is a colleague, looks people up.
    const [logged] = await Promise.all([
      ask('logEmail', email, GMAIL_TAB),
      ask('lookupContacts', { emails: [], signedInEmail: 'rep@other.example' }, otherTab),
    ]);
    expect(logged).toMatchObject({ ok: true, value: { loggedFor: [dave.email] } });
    expect((await worker.outbox.list()).waiting).toHaveLength(1);
  });

  it('opens the settings page on a new install, even where a sandbox build has its demo key', async () => {
    const opened = vi.fn(async () => {});
    fakeBrowser.runtime.openOptionsPage = opened;
    const { worker } = start(vivre());
    await worker.installed('update');
    expect(opened).not.toHaveBeenCalled();
    await worker.installed('install');
    expect(opened).toHaveBeenCalledTimes(1);
  });

  it('does not open the settings page over the rep’s tabs when a key is already saved', async () => {
    // Chrome reports an unpacked build loaded from the command line as installed at each start.
    const opened = vi.fn(async () => {});
    fakeBrowser.runtime.openOptionsPage = opened;
    const { ask, worker } = start(vivre());
    const saved = await ask('saveSettings', {
      apiKey: 'vv_test_new_key_000000000000000',
      workspaceId: 'ws_demo',
      baseUrl: SANDBOX_BASE_URL,
    });
    expect(saved).toMatchObject({ ok: true });
    await worker.installed('install');
    expect(opened).not.toHaveBeenCalled();
  });

  it('opens the options page for a Gmail card, which cannot open extension pages itself', async () => {
    const opened = vi.fn(async () => {});
    fakeBrowser.runtime.openOptionsPage = opened;
    const { ask } = start(vivre());
    const answer = await ask('openOptions', undefined, CARD);
    expect(answer).toEqual({ ok: true, value: null });
    expect(opened).toHaveBeenCalledTimes(1);
  });
});
