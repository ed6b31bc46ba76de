/**
 * The chip mirror a new Gmail tab draws its first chips from (lib/worker/lookups/mirror.ts):
 * bounded, oldest first out, and holding only what a lookup would show a chip now — never a
 * never-look-up address, nothing with automatic lookups off, nothing from a previous connection
 * or a refused key, nothing once data consent is withdrawn.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createChipMirror } from '@/lib/worker/lookups/mirror';
import type { LookupResult } from '@/lib/shared/messaging/protocol';
import { areaAndKey, CHIP_MIRROR, type ChipMirror } from '@/lib/shared/storage/table';
import { SANDBOX_BASE_URL } from '@/lib/shared/vivre/base-url';
import { CONTACT, json, list, type Recorded } from '../vivre/fake-vivre';
import { GMAIL_TAB, settle, startWorker } from '../harness';

const [, KEY] = areaAndKey(CHIP_MIRROR.key);
const stored = async () =>
  ((await fakeBrowser.storage.local.get(KEY)) as Record<string, ChipMirror | undefined>)[KEY] ?? {};

const found = (email: string, score = 50): LookupResult => ({
  status: 'found',
  contact: { ...CONTACT, email, name: `Name ${email}`, ai_score: score },
  fetchedAt: 1,
  stale: false,
});
const notFound: LookupResult = { status: 'not_found', fetchedAt: 2, stale: false };

describe('chip mirror', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps only what a chip shows: name and score, or "not in Vivre"', async () => {
    const mirror = createChipMirror();
    await mirror.remember({ 'a@x.example': found('a@x.example', 87), 'b@x.example': notFound });
    expect(await stored()).toEqual({
      'a@x.example': { name: 'Name a@x.example', score: 87, fetchedAt: 1 },
      'b@x.example': { fetchedAt: 2 },
    });
  });

  it('holds at most its bound, the least recently looked up going first', async () => {
    const mirror = createChipMirror(3);
    for (const name of ['a', 'b', 'c']) await mirror.remember({ [`${name}@x.example`]: notFound });
    await mirror.remember({ 'a@x.example': found('a@x.example') }); // a used again: newest
    await mirror.remember({ 'd@x.example': notFound, 'e@x.example': notFound });
    expect(Object.keys(await stored())).toEqual(['a@x.example', 'd@x.example', 'e@x.example']);
  });

  it('drops a skipped address, keeps what it showed when a lookup failed', async () => {
    const mirror = createChipMirror();
    await mirror.remember({ 'a@x.example': found('a@x.example'), 'b@x.example': notFound });
    await mirror.remember({
      'a@x.example': { status: 'skipped', reason: 'never_lookup' },
      'b@x.example': { status: 'error', error: { kind: 'offline', message: 'Offline' } },
    });
    expect(Object.keys(await stored())).toEqual(['b@x.example']);
  });

  it('passes on nothing a content script wrote there that is not of its shape', async () => {
    await fakeBrowser.storage.local.set({
      [KEY]: { 'evil@x.example': { name: 'x', score: 'high' }, 'ok@x.example': { fetchedAt: 3 } },
    });
    await createChipMirror().remember({ 'a@x.example': notFound });
    expect(Object.keys(await stored())).toEqual(['ok@x.example', 'a@x.example']);
  });
});

/** Rahul is in Vivre; `state.refuseKey` answers every request 401. */
function vivre(state = { refuseKey: false }) {
  return (req: Recorded) => {
    if (state.refuseKey)
      return json(401, { error: { type: 'authentication_error', message: 'Invalid key' } });
    if (req.url.pathname === '/v1/contacts') {
      const search = req.url.searchParams.get('search');
      return json(200, list(search === CONTACT.email ? [CONTACT] : []));
    }
    return json(404, undefined);
  };
}

const UNKNOWN = 'arjun@newco.example';

describe('the worker’s chip mirror', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
    vi.unstubAllGlobals();
  });

  async function lookedUp(state = { refuseKey: false }) {
    const started = startWorker(vivre(state));
    close = () => started.worker.outbox.close();
    await started.ask('lookupContacts', { emails: [CONTACT.email, UNKNOWN] }, GMAIL_TAB);
    await settle();
    // Each rule below empties a mirror that had something to lose.
    expect(Object.keys(await stored())).toEqual([CONTACT.email, UNKNOWN]);
    return started;
  }

  it('mirrors what a Gmail tab’s lookup showed', async () => {
    await lookedUp();
    expect(await stored()).toEqual({
      [CONTACT.email]: {
        name: CONTACT.name,
        score: CONTACT.ai_score,
        fetchedAt: expect.any(Number),
      },
      [UNKNOWN]: { fetchedAt: expect.any(Number) },
    });
  });

  it('drops an address the rep lists as never-look-up, and never mirrors it again', async () => {
    const { ask } = await lookedUp();
    await ask('savePrivacy', { autoLookup: true, neverLookup: ['acme-tech.example'] });
    expect(Object.keys(await stored())).toEqual([UNKNOWN]);
    await ask('lookupContacts', { emails: [CONTACT.email] }, GMAIL_TAB);
    await settle();
    expect(Object.keys(await stored())).toEqual([UNKNOWN]);
  });

  it('does not mirror an answer that arrives after the rep listed its address', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const started = startWorker(async (req) => {
      await held;
      return vivre()(req);
    });
    close = () => started.worker.outbox.close();
    const answer = started.ask('lookupContacts', { emails: [CONTACT.email] }, GMAIL_TAB);
    await settle();
    await started.ask('savePrivacy', { autoLookup: true, neverLookup: [CONTACT.email] });
    release();
    expect(await answer).toMatchObject({
      ok: true,
      value: { [CONTACT.email]: { status: 'found' } },
    });
    await settle();
    expect(await stored()).toEqual({});
    await started.ask('lookupContacts', { emails: [UNKNOWN] }, GMAIL_TAB);
    await settle();
    expect(Object.keys(await stored())).toEqual([UNKNOWN]); // others still are
  });

  it('is emptied when automatic lookups are turned off, and logging’s lookups fill nothing', async () => {
    const { ask } = await lookedUp();
    await ask('savePrivacy', { autoLookup: false, neverLookup: [] });
    expect(await stored()).toEqual({});
    const asked = { emails: [CONTACT.email], forLogging: true };
    expect(await ask('lookupContacts', asked, GMAIL_TAB)).toMatchObject({
      ok: true,
      value: { [CONTACT.email]: { status: 'found' } },
    });
    await settle();
    expect(await stored()).toEqual({});
  });

  it('is emptied when another workspace or key is saved', async () => {
    const { ask } = await lookedUp();
    const saved = await ask('saveSettings', {
      apiKey: 'vv_test_other_admin_000000000000000',
      workspaceId: 'ws_other',
      baseUrl: SANDBOX_BASE_URL,
    });
    expect(saved).toMatchObject({ ok: true });
    expect(await stored()).toEqual({});
  });

  it('is emptied when the rep clears cached contacts', async () => {
    const { ask } = await lookedUp();
    await ask('clearContactCache', undefined);
    expect(await stored()).toEqual({});
  });

  it('is emptied when Vivre refuses the key', async () => {
    const state = { refuseKey: false };
    const { ask } = await lookedUp(state);
    state.refuseKey = true;
    await ask('lookupContacts', { emails: ['new@newco.example'] }, GMAIL_TAB);
    await settle();
    expect(await stored()).toEqual({});
  });

  it('is emptied when a data-collection consent is withdrawn, not when a site permission is', async () => {
    const { worker } = await lookedUp();
    await worker.permissionsRemoved({ origins: ['https://crm.example.com/*'] } as never);
    expect(Object.keys(await stored())).toHaveLength(2);
    await worker.permissionsRemoved({ data_collection: ['personallyIdentifyingInfo'] });
    expect(await stored()).toEqual({});
  });
});
