import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openContactCache, type ContactCache } from '@/lib/worker/lookups/cache';
import { FRESH_MS, STALE_MS } from '@/lib/worker/lookups/freshness';
import { createLookups } from '@/lib/worker/lookups/lookups';
import type { PrivacyPrefs } from '@/lib/shared/settings';
import { createVivreClient } from '@/lib/worker/vivre/client';
import { Contact } from '@/lib/shared/vivre/contract';
import { createHttp } from '@/lib/worker/vivre/http';
import { createRateLimiter } from '@/lib/worker/vivre/rate-limiter';
import { CONTACT, CREDENTIALS, json, list, stubFetch, type Handler } from '../vivre/fake-vivre';

const RAHUL = CONTACT.email;
const FUZZY_NEIGHBOUR = { ...CONTACT, id: 'cnt_2', email: 'rahul.sharma@acme-tech.example.org' };

let cache: ContactCache;
let prefs: PrivacyPrefs;

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory());
  cache = openContactCache();
  prefs = { autoLookup: true, neverLookup: [], ownDomain: null, skipOwnDomain: true };
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.parse('2026-06-01T09:00:00Z'));
});

afterEach(() => {
  cache.close();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Answers searches from a small directory, like Vivre's fuzzy search would. */
const directory: Handler = (req) => {
  const search = req.url.searchParams.get('search')?.toLowerCase() ?? '';
  return json(200, list([FUZZY_NEIGHBOUR, CONTACT].filter((c) => c.email.includes(search))));
};

function setup(handler: Handler = directory, maxParallel = 4) {
  const fake = stubFetch(handler);
  const http = createHttp({
    getCredentials: async () => CREDENTIALS,
    limiter: createRateLimiter({ maxParallel }),
  });
  const lookups = createLookups({
    client: createVivreClient(http),
    cache,
    privacy: async () => prefs,
  });
  return { ...fake, lookups };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('lookup', () => {
  it('picks the exact, case-insensitive match out of a fuzzy search', async () => {
    const { lookups, requests } = setup();
    const results = await lookups.lookup([
      'Rahul.Sharma@ACME-tech.example',
      'nobody@acme-tech.example',
    ]);
    expect(results[RAHUL]).toMatchObject({
      status: 'found',
      stale: false,
      contact: { id: 'cnt_8821' },
    });
    expect(results['nobody@acme-tech.example']).toMatchObject({
      status: 'not_found',
      stale: false,
    });
    expect(requests.map((r) => r.url.searchParams.get('search'))).toEqual([
      RAHUL,
      'nobody@acme-tech.example',
    ]);
  });

  it('looks past the first page when the fuzzy search ranks the exact address low', async () => {
    const crowd = Array.from({ length: 50 }, (_, i) => ({
      ...CONTACT,
      id: `cnt_x${i}`,
      email: `x${i}.${RAHUL}`,
    }));
    const { lookups, requests } = setup((req) => {
      const offset = Number(req.url.searchParams.get('offset'));
      const data = offset === 0 ? crowd : [CONTACT];
      return json(200, { data, total: 51, limit: 50, offset });
    });
    expect((await lookups.lookup([RAHUL]))[RAHUL]).toMatchObject({
      status: 'found',
      contact: { id: 'cnt_8821' },
    });
    expect(requests.map((r) => r.url.searchParams.get('offset'))).toEqual(['0', '50']);
  });

  it('serves a fresh answer without a request', async () => {
    const { lookups, requests } = setup();
    await lookups.lookup([RAHUL]);
    vi.setSystemTime(Date.now() + FRESH_MS.found - 1);
    expect((await lookups.lookup([RAHUL]))[RAHUL]).toMatchObject({ status: 'found', stale: false });
    expect(requests).toHaveLength(1);
  });

  it('serves a stale answer at once and refreshes it in the background', async () => {
    let score = 87;
    const { lookups, requests } = setup(() => json(200, list([{ ...CONTACT, ai_score: score }])));
    await lookups.lookup([RAHUL]);
    vi.setSystemTime(Date.now() + FRESH_MS.found + 1);
    score = 91;
    const stale = (await lookups.lookup([RAHUL]))[RAHUL];
    expect(stale).toMatchObject({ status: 'found', stale: true, contact: { ai_score: 87 } });
    await flush();
    expect(requests).toHaveLength(2);
    expect((await lookups.lookup([RAHUL]))[RAHUL]).toMatchObject({
      stale: false,
      contact: { ai_score: 91 },
    });
  });

  it('keeps "not in Vivre" for less time than a found contact', async () => {
    const { lookups, requests } = setup();
    await lookups.lookup(['new.lead@example.com']);
    vi.setSystemTime(Date.now() + FRESH_MS.not_found + 1);
    expect((await lookups.lookup(['new.lead@example.com']))['new.lead@example.com']).toMatchObject({
      stale: true,
    });
    await flush(); // let the background refresh land
    const before = requests.length;
    vi.setSystemTime(Date.now() + STALE_MS.not_found);
    expect((await lookups.lookup(['new.lead@example.com']))['new.lead@example.com']).toMatchObject({
      stale: false,
    });
    expect(requests.length).toBe(before + 1);
  });

  it('shares one request between concurrent lookups of one address', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { lookups, requests } = setup(async (req) => {
      await gate;
      return directory(req);
    });
    const tabs = [
      lookups.lookup([RAHUL]),
      lookups.lookup([RAHUL.toUpperCase()]),
      lookups.lookup([RAHUL, RAHUL]),
    ];
    await flush();
    release();
    const answers = await Promise.all(tabs);
    expect(requests).toHaveLength(1);
    for (const answer of answers) expect(answer[RAHUL]).toMatchObject({ status: 'found' });
  });

  it('answers once Vivre has, without waiting for the cache to store it', async () => {
    let store!: () => void;
    const put = cache.put.bind(cache);
    const stored = new Promise<void>((r) => (store = r));
    cache.put = (entry) => stored.then(() => put(entry));
    const { lookups, requests } = setup();
    // A disk that has not stored the answer yet does not hold it back from the chip.
    expect((await lookups.lookup([RAHUL]))[RAHUL]).toMatchObject({ status: 'found' });
    // Nor does a second ask in between send a second request.
    expect((await lookups.lookup([RAHUL]))[RAHUL]).toMatchObject({ status: 'found' });
    expect(requests).toHaveLength(1);
    store();
    await vi.waitFor(async () => expect(await cache.get(RAHUL)).toMatchObject({ status: 'found' }));
  });

  it('never has more than the cap of searches in flight', async () => {
    let active = 0;
    let peak = 0;
    const { lookups, requests } = setup(async (req) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 1));
      active--;
      return directory(req);
    }, 3);
    const emails = Array.from({ length: 12 }, (_, i) => `person${i}@example.com`);
    const results = await lookups.lookup(emails);
    expect(Object.keys(results)).toHaveLength(12);
    expect(requests).toHaveLength(12);
    expect(peak).toBe(3);
  });

  it('answers an error per address without caching it', async () => {
    let fail = true;
    const { lookups } = setup((req) => (fail ? json(503, undefined) : directory(req)));
    expect((await lookups.lookup([RAHUL]))[RAHUL]).toMatchObject({
      status: 'error',
      error: { kind: 'server' },
    });
    fail = false;
    expect((await lookups.lookup([RAHUL]))[RAHUL]).toMatchObject({ status: 'found' });
  });

  it('forgets a contact the extension itself changed', async () => {
    const { lookups, requests } = setup(() => json(200, list([])));
    await lookups.lookup([RAHUL]);
    expect((await lookups.lookup([RAHUL]))[RAHUL]!.status).toBe('not_found');
    // The outbox just created Rahul: the cached "not in Vivre" must not survive.
    await lookups.contactChanged(Contact.parse(CONTACT));
    expect((await lookups.lookup([RAHUL]))[RAHUL]).toMatchObject({
      status: 'found',
      contact: { id: 'cnt_8821' },
    });
    expect(requests).toHaveLength(1);
  });

  it('drops every address cached for a contact whose email changed', async () => {
    const { lookups } = setup();
    await lookups.lookup([RAHUL]);
    await lookups.contactChanged(Contact.parse({ ...CONTACT, email: 'rahul@acme.example' }));
    expect(await cache.get(RAHUL)).toBeUndefined();
    expect(await cache.get('rahul@acme.example')).toMatchObject({ status: 'found' });
  });

  it('looks nobody up when automatic lookups are off, or the address is on the never list', async () => {
    const { lookups, requests } = setup();
    prefs = {
      autoLookup: true,
      neverLookup: ['acme-tech.example', 'me@home.example'],
      ownDomain: null,
      skipOwnDomain: true,
    };
    expect(await lookups.lookup([RAHUL, 'me@home.example', 'x@other.example'])).toMatchObject({
      [RAHUL]: { status: 'skipped', reason: 'never_lookup' },
      'me@home.example': { status: 'skipped', reason: 'never_lookup' },
      'x@other.example': { status: 'not_found' },
    });
    prefs = { ...prefs, autoLookup: false };
    expect((await lookups.lookup(['x@other.example']))['x@other.example']).toEqual({
      status: 'skipped',
      reason: 'auto_lookup_off',
    });
    expect(requests).toHaveLength(1);
  });
});

describe('lookups a Gmail tab gave up', () => {
  it('are never sent once no one waits for them, unless already on their way', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const fake = stubFetch(async (req) => {
      await gate;
      return directory(req);
    });
    const limiter = createRateLimiter({ maxParallel: 1 });
    const onOutcome = vi.fn();
    const http = createHttp({ getCredentials: async () => CREDENTIALS, limiter, onOutcome });
    const lookups = createLookups({
      client: createVivreClient(http),
      cache,
      privacy: async () => prefs,
      reprioritize: limiter.reprioritize,
    });
    const rows = { priority: 'rowOutOfView' as const };
    const sent = lookups.lookup([RAHUL], { asker: 'tab1' });
    // On its way before the rows ask: its lookup reads the cache, and a later one of people the
    // cache surely lacks skips that read (lib/worker/lookups/cached-addresses.ts), so one flush
    // did not always let it take the one slot first.
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    const tab1 = lookups.lookup(['gone@a.example', 'shared@b.example'], { ...rows, asker: 'tab1' });
    const tab2 = lookups.lookup(['shared@b.example'], { ...rows, asker: 'tab2' });
    // Until both lookups have read the cache (fake-indexeddb: a turn of the event loop per
    // step) and wait in the scheduler: one turn was not always enough.
    for (let turn = 0; turn < 20; turn++) await flush();
    // tab1's inbox page left: its rows go unsent, but tab2 still waits for one of them.
    lookups.giveUp([RAHUL, 'gone@a.example', 'shared@b.example'], 'tab1');
    release();
    expect((await sent)[RAHUL]).toMatchObject({ status: 'found' });
    expect((await tab2)['shared@b.example']).toMatchObject({ status: 'not_found' });
    expect((await tab1)['gone@a.example']).toMatchObject({ status: 'error' });
    const searched = () => fake.requests.map((r) => r.url.searchParams.get('search'));
    expect(searched()).toEqual([RAHUL, 'shared@b.example']);
    // Never sent, so nothing is learnt of the connection from it.
    expect(onOutcome.mock.calls.every(([error]) => error === null)).toBe(true);
    // Asked again later, it is sent afresh.
    expect((await lookups.lookup(['gone@a.example']))['gone@a.example']!.status).toBe('not_found');
    expect(searched()).toContain('gone@a.example');
  });
  it('are dropped too when the give-up overtakes them while they still read the cache', async () => {
    const fake = stubFetch(directory);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // Under load, IndexedDB queues the lookup's read behind writes: the tab's give-up, sent
    // once Gmail removed the rows, reaches the worker before the lookup reaches the scheduler.
    const slowCache: ContactCache = {
      ...cache,
      getMany: async (emails) => {
        await gate;
        return cache.getMany(emails);
      },
    };
    const limiter = createRateLimiter();
    const http = createHttp({ getCredentials: async () => CREDENTIALS, limiter });
    const lookups = createLookups({
      client: createVivreClient(http),
      cache: slowCache,
      privacy: async () => prefs,
      reprioritize: limiter.reprioritize,
    });
    const rows = { priority: 'rowOutOfView' as const };
    const tab1 = lookups.lookup(['gone@a.example', 'kept@b.example'], { ...rows, asker: 'tab1' });
    const tab2 = lookups.lookup(['shared@c.example'], { ...rows, asker: 'tab2' });
    await flush();
    lookups.giveUp(['gone@a.example', 'shared@c.example'], 'tab1');
    release();
    expect((await tab1)['gone@a.example']).toMatchObject({ status: 'error' });
    expect((await tab1)['kept@b.example']).toMatchObject({ status: 'not_found' });
    // tab1 never asked for it: another tab's ask stands.
    expect((await tab2)['shared@c.example']).toMatchObject({ status: 'not_found' });
    const searched = () => fake.requests.map((r) => r.url.searchParams.get('search'));
    expect(searched().sort()).toEqual(['kept@b.example', 'shared@c.example']);
    // Asked again after the give-up (the row came back), it is sent.
    const again = await lookups.lookup(['gone@a.example'], { ...rows, asker: 'tab1' });
    expect(again['gone@a.example']).toMatchObject({ status: 'not_found' });
    expect(searched()).toContain('gone@a.example');
  });
});

describe('contact details', () => {
  it('brings contact, deals and activities, with null for lists Vivre does not offer', async () => {
    const { lookups } = setup((req) =>
      req.url.pathname === '/v1/contacts/cnt_8821' ? json(200, CONTACT) : json(404, undefined),
    );
    expect(await lookups.getContactDetails('cnt_8821')).toMatchObject({
      contact: { id: 'cnt_8821' },
      deals: null,
      activities: null,
    });
  });

  const DEAL = { id: 'dl_1', contact_id: 'cnt_8821', title: 'Pilot', stage: 'proposal' };
  /** Vivre answers once with Rahul's details, then is unreachable (a network error). */
  function onlineThenOffline() {
    let online = true;
    const handler: Handler = (req) => {
      if (!online) throw new TypeError('Failed to fetch');
      if (req.url.pathname === '/v1/contacts/cnt_8821') return json(200, CONTACT);
      if (req.url.pathname === '/v1/deals')
        return json(200, list([{ ...DEAL, created_at: CONTACT.created_at }]));
      return json(200, list([]));
    };
    return { ...setup(handler), goOffline: () => (online = false) };
  }

  it('answers offline with the details it fetched last, deals included, marked as the copy', async () => {
    const { lookups, goOffline } = onlineThenOffline();
    const fetched = await lookups.getContactDetails('cnt_8821');
    goOffline();
    vi.setSystemTime(Date.now() + 60 * 60_000);
    expect(await lookups.getContactDetails('cnt_8821')).toEqual({ ...fetched, cached: true });
    expect(fetched.cached).toBeUndefined();
    expect(fetched.deals).toMatchObject([{ id: 'dl_1', title: 'Pilot' }]);
  });

  it('says it is offline for a contact it never fetched, or fetched too long ago', async () => {
    const { lookups, goOffline } = onlineThenOffline();
    await lookups.getContactDetails('cnt_8821');
    goOffline();
    await expect(lookups.getContactDetails('cnt_other')).rejects.toMatchObject({ kind: 'offline' });
    vi.setSystemTime(Date.now() + STALE_MS.found + 1);
    await expect(lookups.getContactDetails('cnt_8821')).rejects.toMatchObject({ kind: 'offline' });
  });

  it('searches the contacts it has cached while offline, and forgets them with the cache', async () => {
    const { lookups, goOffline } = onlineThenOffline();
    await lookups.getContactDetails('cnt_8821');
    goOffline();
    expect((await lookups.searchContacts('rahul acme')).map((c) => c.id)).toEqual(['cnt_8821']);
    await expect(lookups.searchContacts('priya')).rejects.toMatchObject({ kind: 'offline' });
    await lookups.clear();
    await expect(lookups.getContactDetails('cnt_8821')).rejects.toMatchObject({ kind: 'offline' });
  });
});

describe('a page of activity', () => {
  const ACTIVITY = {
    id: 'act_1',
    contact_id: 'cnt_8821',
    deal_id: null,
    type: 'call',
    note: 'Spoke.',
    created_at: CONTACT.created_at,
  };

  it('asks Vivre for exactly that page and answers it with the total', async () => {
    const { lookups, requests } = setup(() =>
      json(200, { data: [ACTIVITY], total: 31, limit: 10, offset: 20 }),
    );
    expect(await lookups.activityPage('cnt_8821', { offset: 20, limit: 10 })).toEqual({
      activities: [ACTIVITY],
      total: 31,
    });
    const asked = requests[0]!.url;
    expect(asked.pathname).toBe('/v1/activities');
    expect(Object.fromEntries(asked.searchParams)).toEqual({
      contact_id: 'cnt_8821',
      offset: '20',
      limit: '10',
    });
  });

  it('answers null when this Vivre does not list activities', async () => {
    const { lookups } = setup(() => json(404, undefined));
    expect(await lookups.activityPage('cnt_8821', { offset: 0, limit: 10 })).toBeNull();
  });
});

describe('lookups across a switch of connection settings', () => {
  /** Vivre answers each search only when the test says: `answer()` releases the oldest. */
  function heldAnswers() {
    const waiting: Array<() => void> = [];
    const handler: Handler = async (req) => {
      await new Promise<void>((resolve) => waiting.push(resolve));
      return directory(req);
    };
    /** Lets the lookups run until `count` searches wait (or they have stopped asking). */
    const asked = async (count: number) => {
      for (let round = 0; round < 100 && waiting.length < count; round++) await flush();
    };
    return { handler, asked, answer: () => waiting.shift()!() };
  }

  it('keeps an answer asked for before the switch out of the cache cleared by it', async () => {
    const vivre = heldAnswers();
    const { lookups } = setup(vivre.handler);
    const before = lookups.lookup([RAHUL]);
    await vivre.asked(1);
    await lookups.clear(); // what saving new settings does
    vivre.answer();
    // The tab that asked before the switch gets its answer; the cache keeps none of it.
    expect(await before).toMatchObject({ [RAHUL]: { status: 'found' } });
    expect(await cache.get(RAHUL)).toBeUndefined();
  });

  it('asks the new connection afresh rather than waiting on a request made before', async () => {
    const vivre = heldAnswers();
    const { lookups, requests } = setup(vivre.handler);
    void lookups.lookup([RAHUL]);
    await vivre.asked(1);
    await lookups.clear();
    const after = lookups.lookup([RAHUL]);
    await vivre.asked(2);
    expect(requests).toHaveLength(2);
    vivre.answer();
    vivre.answer();
    await after;
    expect(await cache.get(RAHUL)).toMatchObject({ status: 'found' });
  });

  it('keeps contact details fetched before the switch out of the cache too', async () => {
    const vivre = heldAnswers();
    const { lookups } = setup(async (req) => {
      if (req.url.pathname.endsWith(`/contacts/${CONTACT.id}`)) {
        await vivre.handler(req);
        return json(200, CONTACT);
      }
      return json(200, list([]));
    });
    const details = lookups.getContactDetails(CONTACT.id);
    await vivre.asked(1);
    await lookups.clear();
    vivre.answer();
    await details;
    expect(await cache.getDetails(CONTACT.id)).toBeUndefined();
    expect(await cache.get(RAHUL)).toBeUndefined();
  });
});
