import { describe, expect, it, vi } from 'vitest';
import type { Ask } from '@/lib/shared/messaging/messenger';
import { createLookupStore, MAX_KNOWN_PEOPLE } from '@/lib/content/lookups/lookup-store';
import { contact, fakeWorker } from '../chips/fake-worker';

describe('lookup store', () => {
  it('is loading until the worker answers, then holds its answer per email', async () => {
    const worker = fakeWorker({ 'a@x.example': contact('a@x.example', 'Asha Rao', 55) });
    const store = createLookupStore(worker.ask);
    const listener = vi.fn();
    store.subscribe('a@x.example', listener);
    const done = store.lookup(['a@x.example', 'b@x.example']);
    expect(store.get('a@x.example')).toEqual({ status: 'loading' });
    await done;
    expect(store.get('a@x.example')).toMatchObject({ status: 'found' });
    expect(store.get('b@x.example')).toMatchObject({ status: 'not_found' });
    expect(listener).toHaveBeenCalledTimes(2); // loading, then found
  });

  it('treats an email the worker left out as not looked up', async () => {
    const ask = vi.fn(async () => ({ ok: true, value: {} })) as unknown as Ask;
    const store = createLookupStore(ask);
    await store.lookup(['colleague@us.example']);
    expect(store.get('colleague@us.example')).toMatchObject({ status: 'skipped' });
  });

  it('tells the worker who is signed in, so the rep’s own domain can be skipped', async () => {
    const worker = fakeWorker();
    const store = createLookupStore(worker.ask);
    await store.lookup(['a@x.example'], 'me@us.example');
    expect(worker.mock).toHaveBeenCalledWith('lookupContacts', {
      emails: ['a@x.example'],
      signedInEmail: 'me@us.example',
    });
  });

  it('gives every email of a failed batch the error, and lists them for a retry', async () => {
    const error = { kind: 'not_configured' as const, message: 'Connect Vivre first.' };
    const ask = vi.fn(async () => ({ ok: false, error })) as unknown as Ask;
    const store = createLookupStore(ask);
    await store.lookup(['a@x.example', 'b@x.example']);
    expect(store.get('a@x.example')).toEqual({ status: 'error', error });
    expect(store.worthRefreshing()).toEqual(['a@x.example', 'b@x.example']);
  });

  it('asks only for emails it has not asked for, and refresh asks again', async () => {
    const worker = fakeWorker();
    const store = createLookupStore(worker.ask);
    await store.lookup(['a@x.example']);
    await store.lookup(['a@x.example', 'b@x.example', 'b@x.example']);
    await store.lookup(['a@x.example']);
    await store.refresh(['a@x.example']);
    expect(worker.lookups()).toEqual([['a@x.example'], ['b@x.example'], ['a@x.example']]);
  });

  it('refreshes stale answers without flashing back to loading', async () => {
    const stale = { status: 'not_found', fetchedAt: 0, stale: true };
    const answers = [{ 'a@x.example': stale }, { 'a@x.example': { ...stale, stale: false } }];
    const ask = vi.fn(async () => ({ ok: true, value: answers.shift() })) as unknown as Ask;
    const store = createLookupStore(ask);
    await store.lookup(['a@x.example']);
    expect(store.worthRefreshing()).toEqual(['a@x.example']);
    const seen: string[] = [];
    store.subscribe('a@x.example', () => seen.push(store.get('a@x.example').status));
    await store.refresh(store.worthRefreshing());
    expect(seen).toEqual(['not_found']);
    expect(store.worthRefreshing()).toEqual([]);
  });

  it('stops notifying after unsubscribe', async () => {
    const store = createLookupStore(fakeWorker().ask);
    const listener = vi.fn();
    store.subscribe('a@x.example', listener)();
    await store.lookup(['a@x.example']);
    expect(listener).not.toHaveBeenCalled();
  });

  it('gives up the lookups of chips that left while waiting, and asks again if they come back', async () => {
    const pending: Array<(answer: unknown) => void> = [];
    const calls: Array<[string, unknown]> = [];
    const ask = vi.fn((type: string, data: unknown) => {
      calls.push([type, data]);
      if (type !== 'lookupContacts') return Promise.resolve({ ok: true, value: null });
      return new Promise((resolve) => pending.push(resolve));
    }) as unknown as Ask;
    const store = createLookupStore(ask);
    const unsubscribeGone = store.subscribe('gone@x.example', () => {});
    const unsubscribeAnswered = store.subscribe('kept@x.example', () => {});
    const asked = store.lookup(['gone@x.example', 'kept@x.example']);
    await Promise.resolve();
    unsubscribeGone(); // its row left the page
    store.subscribe('kept@x.example', () => {}); // re-drawn in the same task: still wanted
    unsubscribeAnswered();
    await Promise.resolve();
    expect(calls.filter(([type]) => type === 'giveUpLookups')).toEqual([
      ['giveUpLookups', { emails: ['gone@x.example'] }],
    ]);
    // The row comes back before the worker answered: asked again.
    store.subscribe('gone@x.example', () => {});
    const again = store.lookup(['gone@x.example']);
    expect(calls.filter(([type]) => type === 'lookupContacts')).toHaveLength(2);
    // The given-up ask is answered with an error, which the returned chip does not show.
    const error = { status: 'error', error: { kind: 'unknown', message: 'dropped' } };
    pending[0]!({ ok: true, value: { 'gone@x.example': error, 'kept@x.example': error } });
    await asked;
    expect(store.get('gone@x.example')).toEqual({ status: 'loading' });
    expect(store.get('kept@x.example')).toMatchObject({ status: 'error' });
    pending[1]!({ ok: true, value: { 'gone@x.example': { status: 'not_found', stale: false } } });
    await again;
    expect(store.get('gone@x.example')).toMatchObject({ status: 'not_found' });
  });

  it('stays bounded over a day in one tab: forgets the oldest answers nobody shows', async () => {
    const worker = fakeWorker();
    const store = createLookupStore(worker.ask);
    const shown = 'on-screen@x.example';
    const stop = store.subscribe(shown, () => {});
    await store.lookup([shown]);
    const people = Array.from({ length: 10_000 }, (_, i) => `person${i}@x.example`);
    for (let i = 0; i < people.length; i += 200) await store.lookup(people.slice(i, i + 200));
    // The chip on screen keeps its answer; the first people met are forgotten, the last kept.
    expect(store.get(shown)).toMatchObject({ status: 'not_found' });
    expect(store.get(people[0]!)).toEqual({ status: 'loading' });
    expect(store.get(people.at(-1)!)).toMatchObject({ status: 'not_found' });
    const known = people.filter((email) => store.get(email).status !== 'loading');
    expect(known.length).toBeLessThanOrEqual(MAX_KNOWN_PEOPLE);
    expect(known.length).toBeGreaterThan(MAX_KNOWN_PEOPLE / 2);
    stop();
  });
});
