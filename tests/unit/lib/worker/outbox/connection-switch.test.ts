/**
 * Writes belong to their connection (issue 12, point 1). The review sent a contact queued
 * for ws_demo, with the new key, to another workspace on another host after a settings
 * switch, and marked it synced. Here it waits, says why, and the rep decides.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SANDBOX_BASE_URL } from '@/lib/shared/vivre/base-url';
import { TOO_FAST_MESSAGE } from '@/lib/worker/outbox/enqueue-rate';
import { CONTACT, json, list, type Recorded } from '../vivre/fake-vivre';
import { CARD, POPUP, settle, startWorker } from '../harness';

const DEMO_KEY = 'vv_test_demo_write_0000000000000000';
const OTHER = { apiKey: 'vv_live_other_0000000000000000', workspaceId: 'ws_other' };
const OTHER_URL = 'https://vivre.other.example/v1';
const NOTE = {
  kind: 'logActivity',
  body: { contact_id: 'cnt_8821', type: 'call', note: 'Spoke' },
} as const;

/** Vivre is down until `state.up`; then every activity is created (and read back empty). */
function vivre(state: { up: boolean }) {
  return (req: Recorded) => {
    if (!state.up) throw new TypeError('Failed to fetch');
    if (req.url.pathname.endsWith('/activities') && req.method === 'POST') {
      return json(201, { id: 'act_1', ...NOTE.body, created_at: new Date().toISOString() });
    }
    if (req.url.pathname.endsWith('/activities')) return json(200, list([]));
    return json(404, undefined);
  };
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  vi.unstubAllGlobals();
});

async function queuedThenSwitched() {
  const state = { up: false };
  const started = startWorker(vivre(state));
  close = () => started.worker.outbox.close();
  const { ask, worker } = started;
  const queued = await ask('enqueueWrite', { write: NOTE }, POPUP);
  const id = queued.ok ? queued.value.id : '';
  await settle();
  expect(
    await ask('saveSettings', { ...OTHER, baseUrl: OTHER_URL }), // another host and workspace
  ).toMatchObject({ ok: true });
  state.up = true;
  await worker.outbox.retry(id); // whatever wakes it: alarm, popup, the rep
  // Until the pass has looked at it (event-loop turns, more of them under load).
  await vi.waitFor(async () =>
    expect((await worker.outbox.list()).attention.map((item) => item.id)).toEqual([id]),
  );
  return { ...started, id };
}

describe('a write queued before a switch to another workspace', () => {
  it('is never sent to the new workspace: it waits, saying which workspace it was queued for', async () => {
    const { requests, worker, id } = await queuedThenSwitched();
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts.every((r) => r.url.href.startsWith(SANDBOX_BASE_URL))).toBe(true);
    expect(posts.some((r) => r.headers.get('X-Workspace-ID') === 'ws_other')).toBe(false);
    const { attention, synced } = await worker.outbox.list();
    expect(synced).toEqual([]);
    expect(attention).toEqual([
      expect.objectContaining({
        id,
        parked: { reason: 'connection', workspaceId: 'ws_demo', baseUrl: SANDBOX_BASE_URL },
        lastError: expect.objectContaining({
          message: expect.stringMatching(/^Queued for workspace ws_demo \(/),
        }),
      }),
    ]);
    // The item keeps a fingerprint of the key it was made with, never the key.
    expect(JSON.stringify(await worker.outbox.list())).not.toContain(DEMO_KEY);
  });

  it('goes to its own workspace, with the key the rep enters again, and nowhere else', async () => {
    const { ask, requests, worker, id } = await queuedThenSwitched();
    const sent = await ask('sendOutboxWithKey', { id, apiKey: DEMO_KEY }, POPUP);
    expect(sent).toEqual({ ok: true, value: { released: 1 } });
    await vi.waitFor(async () =>
      expect((await worker.outbox.list()).synced.map((item) => item.id)).toEqual([id]),
    );
    const post = requests.filter((r) => r.method === 'POST').at(-1)!;
    expect(post.url.href.startsWith(SANDBOX_BASE_URL)).toBe(true);
    expect(post.headers.get('X-Workspace-ID')).toBe('ws_demo');
    expect(post.headers.get('Authorization')).toBe(`Bearer ${DEMO_KEY}`);
    expect((await worker.outbox.list()).synced.map((item) => item.id)).toEqual([id]);
  });

  it('can be discarded instead; nothing is ever sent on its own', async () => {
    const { ask, requests, worker, id } = await queuedThenSwitched();
    const before = requests.length;
    await worker.outbox.flushOutbox();
    await settle();
    expect(requests.length).toBe(before);
    expect(await ask('discardOutboxItem', { id }, POPUP)).toEqual({ ok: true, value: null });
    expect((await worker.outbox.list()).attention).toEqual([]);
  });
});

describe('what another workspace answers', () => {
  it('never enters the contact cache, which is the saved workspace’s', async () => {
    const state = { up: false };
    const moved = { ...CONTACT, stage: 'qualified' };
    const started = startWorker((req) => {
      if (!state.up) throw new TypeError('Failed to fetch');
      if (req.method === 'PATCH') return json(200, moved); // ws_demo's Rahul, as it answers
      if (req.url.pathname.endsWith('/contacts')) return json(200, list([]));
      return json(404, undefined);
    });
    close = () => started.worker.outbox.close();
    const { ask, requests } = started;
    const write = { kind: 'updateContact', contactId: CONTACT.id, body: { stage: 'qualified' } };
    const queued = await ask('enqueueWrite', { write }, POPUP);
    const id = queued.ok ? queued.value.id : '';
    await ask('saveSettings', { ...OTHER, baseUrl: OTHER_URL });
    state.up = true;
    await ask('sendOutboxWithKey', { id, apiKey: DEMO_KEY }, POPUP);
    await settle();
    expect(requests.some((request) => request.method === 'PATCH')).toBe(true);

    // ws_other is asked about Rahul, and says it has no such contact.
    const answer = await ask('lookupContacts', { emails: [CONTACT.email] }, POPUP);
    expect(answer).toMatchObject({ ok: true, value: { [CONTACT.email]: { status: 'not_found' } } });
  });
});

describe('per-tab enqueue rate', () => {
  it('refuses a Gmail tab that floods the outbox, and not the rep’s popup', async () => {
    const started = startWorker(vivre({ up: false }));
    close = () => started.worker.outbox.close();
    const { ask } = started;
    vi.useFakeTimers({ toFake: ['Date'] }); // the bucket refills with time: hold it still
    let refused: unknown;
    for (let n = 0; n < 205 && !refused; n++) {
      const answer = await ask('enqueueWrite', { write: NOTE }, CARD);
      if (!answer.ok) refused = { n, error: answer.error };
    }
    expect(refused).toEqual({
      n: 200,
      error: expect.objectContaining({ kind: 'rate_limited', message: TOO_FAST_MESSAGE }),
    });
    expect(await ask('enqueueWrite', { write: NOTE }, POPUP)).toMatchObject({ ok: true });
    vi.setSystemTime(Date.now() + 5_000); // a second per write
    expect(await ask('enqueueWrite', { write: NOTE }, CARD)).toMatchObject({ ok: true });
    vi.useRealTimers();
  }, 60_000);
});
