/**
 * The worker's own storage (issue 24, part 6): what decides what is looked up, logged or sent
 * moves out of storage.local, which our content script (and so Gmail's page, driving it) can
 * write. An earlier version's value is adopted once; after that storage.local is never read.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_EMAIL_LOGGING, DEFAULT_PRIVACY } from '@/lib/shared/settings';
import { STORAGE } from '@/lib/shared/storage/table';
import { heldSendsStore } from '@/lib/worker/email-logging/held-sends-store';
import { emailLoggingItem, privacyItem } from '@/lib/worker/storage/items';

beforeEach(() => {
  fakeBrowser.reset();
  vi.stubGlobal('indexedDB', new IDBFactory());
});
afterEach(() => vi.unstubAllGlobals());

const local = fakeBrowser.storage.local;
const LISTED = { ...DEFAULT_PRIVACY, neverLookup: ['family.example'] };

describe('the worker’s own storage', () => {
  it('keeps every item that steers lookups, logging or links where only the worker writes', () => {
    const steering = ['PRIVACY', 'EMAIL_LOGGING', 'APP_URL', 'HELD_EMAIL_LOGS', 'LOGGED_MESSAGES'];
    for (const name of steering) {
      const entry = STORAGE[name as keyof typeof STORAGE];
      expect(entry).toMatchObject({ writer: 'worker', readers: ['worker'] });
      expect(entry.key.startsWith('worker:')).toBe(true);
    }
  });

  it('adopts what an earlier version kept in storage.local, once, and removes it there', async () => {
    await local.set({ privacy: LISTED, privacy$: { v: 1 } });
    expect(await privacyItem.getValue()).toEqual(LISTED);
    expect(await local.get(['privacy', 'privacy$'])).toEqual({});
    expect(await privacyItem.getValue()).toEqual(LISTED);
  });

  it('never reads storage.local again for an item it owns: a write there changes nothing', async () => {
    expect(await privacyItem.getValue()).toEqual(DEFAULT_PRIVACY); // nothing to adopt: owned
    await local.set({ privacy: { ...DEFAULT_PRIVACY, autoLookup: false } });
    expect(await privacyItem.getValue()).toEqual(DEFAULT_PRIVACY);

    await emailLoggingItem.setValue({ ...DEFAULT_EMAIL_LOGGING, excerptLength: 100 });
    await local.set({
      'email-logging': {
        logEmailsByDefault: true,
        excerptLength: 5000,
        addUnknownRecipients: true,
      },
    });
    expect(await emailLoggingItem.getValue()).toEqual({
      ...DEFAULT_EMAIL_LOGGING,
      excerptLength: 100,
    });
  });

  it('reads the preferences every lookup needs from its database once, and sees its own writes', async () => {
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction');
    expect(await privacyItem.getValue()).toEqual(DEFAULT_PRIVACY);
    const afterFirstRead = transactions.mock.calls.length;
    for (let i = 0; i < 10; i++) await privacyItem.getValue();
    expect(transactions.mock.calls.length).toBe(afterFirstRead);
    await privacyItem.setValue(LISTED);
    expect(await privacyItem.getValue()).toEqual(LISTED);
    transactions.mockRestore();
  });

  it('runs each update on the value the write before it left, so none is written away', async () => {
    const adding = ['a.example', 'b.example', 'c.example'].map((domain) =>
      privacyItem.update((prefs) => ({ ...prefs, neverLookup: [...prefs.neverLookup, domain] })),
    );
    const replacing = privacyItem.setValue(LISTED);
    const last = privacyItem.update((prefs) => ({ ...prefs, autoLookup: false }));
    await Promise.all([...adding, replacing, last]);
    expect(await privacyItem.getValue()).toEqual({ ...LISTED, autoLookup: false });
    expect((await adding[2]!).neverLookup).toEqual(['a.example', 'b.example', 'c.example']);
  });

  it('drops sends an earlier version held rather than log them without their workspace', async () => {
    const forged = { email: { people: [], subject: 'x', bodyText: 'y' }, commitAt: 0 };
    await local.set({ 'held-email-logs': { 'draft-1': forged } });
    expect(await heldSendsStore.get()).toEqual({});
    expect(await local.get('held-email-logs')).toEqual({});
  });
});
