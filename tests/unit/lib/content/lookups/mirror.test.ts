/**
 * A new tab's first chips from the chip mirror (lib/content/lookups/mirror.ts), before the
 * worker answers; the worker's answer then replaces them, and the tab's own colleagues are
 * never answered from it.
 */
import { describe, expect, it, vi } from 'vitest';
import { createLookupStore } from '@/lib/content/lookups/lookup-store';
import { mirroredAnswer } from '@/lib/content/lookups/mirror';
import type { Ask } from '@/lib/shared/messaging/messenger';
import type { LookupResult } from '@/lib/shared/messaging/protocol';
import type { ChipMirror } from '@/lib/shared/storage/table';
import { contact } from '../chips/fake-worker';

const MIRROR: ChipMirror = {
  'asha@x.example': { name: 'Asha Rao', score: 87, fetchedAt: 5 },
  'new@x.example': { fetchedAt: 6 },
  'ravi@us.example': { name: 'Ravi', score: 40, fetchedAt: 7 },
  'kim@eu.us.example': { name: 'Kim', score: 30, fetchedAt: 8 },
};

/** A worker that answers only when `answer` is called: the tab meanwhile shows what it has. */
function slowWorker() {
  let reply: (value: Record<string, LookupResult>) => void = () => {};
  const ask = vi.fn(
    (_type: string, _data: unknown) =>
      new Promise((resolve) => {
        reply = (value) => resolve({ ok: true, value });
      }),
  ) as unknown as Ask & ReturnType<typeof vi.fn>;
  return { ask, answer: (value: Record<string, LookupResult>) => reply(value) };
}

const withMirror = (mirror: ChipMirror, signedIn: string | null = null) => ({
  read: Promise.resolve(mirror),
  signedIn: () => signedIn,
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('mirroredAnswer', () => {
  it('gives a found person’s name and score, and "not in Vivre", marked stale', () => {
    expect(mirroredAnswer(MIRROR, 'asha@x.example')).toEqual({
      status: 'found',
      contact: { name: 'Asha Rao', email: 'asha@x.example', ai_score: 87 },
      fetchedAt: 5,
      stale: true,
    });
    expect(mirroredAnswer(MIRROR, 'new@x.example')).toEqual({
      status: 'not_found',
      fetchedAt: 6,
      stale: true,
    });
    expect(mirroredAnswer(MIRROR, 'nobody@x.example')).toBeUndefined();
  });

  it('never answers for the domain of the account signed in to this tab', () => {
    expect(mirroredAnswer(MIRROR, 'ravi@us.example', 'Me@US.example')).toBeUndefined();
    expect(mirroredAnswer(MIRROR, 'kim@eu.us.example', 'me@us.example')).toBeUndefined();
    expect(mirroredAnswer(MIRROR, 'asha@x.example', 'me@us.example')).toMatchObject({
      status: 'found',
    });
    // Free mail has no colleagues by domain.
    expect(mirroredAnswer(MIRROR, 'ravi@us.example', 'me@gmail.com')).toMatchObject({
      status: 'found',
    });
  });
});

describe('lookup store with the chip mirror', () => {
  it('shows mirrored people before the worker answers, then the worker’s answer', async () => {
    const worker = slowWorker();
    const store = createLookupStore(worker.ask, withMirror(MIRROR));
    const done = store.lookup(['asha@x.example', 'new@x.example', 'b@y.example']);
    await settle();
    expect(store.get('asha@x.example')).toMatchObject({
      status: 'found',
      contact: { ai_score: 87 },
    });
    expect(store.get('new@x.example')).toMatchObject({ status: 'not_found' });
    expect(store.get('b@y.example')).toEqual({ status: 'loading' });
    // The worker is asked about everyone all the same: it is the authority.
    expect(worker.ask).toHaveBeenCalledWith('lookupContacts', {
      emails: ['asha@x.example', 'new@x.example', 'b@y.example'],
    });
    worker.answer({
      'asha@x.example': {
        status: 'found',
        contact: contact('asha@x.example', 'Asha Rao', 91),
        fetchedAt: 9,
        stale: false,
      },
      'new@x.example': { status: 'skipped', reason: 'never_lookup' },
      'b@y.example': { status: 'not_found', fetchedAt: 9, stale: false },
    });
    await done;
    expect(store.get('asha@x.example')).toMatchObject({ contact: { ai_score: 91 }, stale: false });
    expect(store.get('new@x.example')).toEqual({ status: 'skipped', reason: 'never_lookup' });
  });

  it('gives a chip drawn before its lookup the mirror’s answer at once, but not a colleague’s', async () => {
    const store = createLookupStore(slowWorker().ask, withMirror(MIRROR, 'me@us.example'));
    await settle(); // the tab's one read of the mirror
    expect(store.get('asha@x.example')).toMatchObject({ status: 'found', stale: true });
    expect(store.get('ravi@us.example')).toEqual({ status: 'loading' });
    expect(store.get('nobody@x.example')).toEqual({ status: 'loading' });
  });

  it('shows nothing from the mirror for the tab’s own colleagues', async () => {
    const worker = slowWorker();
    const store = createLookupStore(worker.ask, withMirror(MIRROR));
    void store.lookup(['ravi@us.example', 'asha@x.example'], 'me@us.example');
    await settle();
    expect(store.get('ravi@us.example')).toEqual({ status: 'loading' });
    expect(store.get('asha@x.example')).toMatchObject({ status: 'found' });
  });

  it('shows nothing an empty mirror does not hold (lookups off, never-look-up, new workspace)', async () => {
    const worker = slowWorker();
    const store = createLookupStore(worker.ask, withMirror({}));
    void store.lookup(['asha@x.example']);
    await settle();
    expect(store.get('asha@x.example')).toEqual({ status: 'loading' });
  });
});
