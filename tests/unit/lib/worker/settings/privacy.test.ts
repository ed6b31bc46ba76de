import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { privacyItem } from '@/lib/worker/storage/items';
import {
  effectiveNeverLookup,
  isNeverLookup,
  rememberOwnEmail,
  savePrivacyPrefs,
} from '@/lib/worker/settings/privacy';

beforeEach(() => {
  fakeBrowser.reset();
  vi.stubGlobal('indexedDB', new IDBFactory());
});
afterEach(() => vi.unstubAllGlobals());

describe('privacy prefs', () => {
  it('looks people up by default', async () => {
    const prefs = await privacyItem.getValue();
    expect(prefs.autoLookup).toBe(true);
    expect(effectiveNeverLookup(prefs)).toEqual([]);
  });

  it("lists the signed-in account's domain, following the account in use", async () => {
    await rememberOwnEmail('Me@Acme-Tech.example');
    expect(effectiveNeverLookup(await privacyItem.getValue())).toEqual(['acme-tech.example']);
    await rememberOwnEmail('me@bluestone.example');
    const prefs = await privacyItem.getValue();
    expect(effectiveNeverLookup(prefs)).toEqual(['bluestone.example']);
    expect(isNeverLookup('colleague@bluestone.example', prefs)).toBe(true);
    expect(isNeverLookup('customer@acme-tech.example', prefs)).toBe(false);
  });

  it('never treats a free-mail domain as the rep’s company', async () => {
    await rememberOwnEmail('rep@gmail.com');
    const prefs = await privacyItem.getValue();
    expect(effectiveNeverLookup(prefs)).toEqual([]);
    expect(isNeverLookup('customer@gmail.com', prefs)).toBe(false);
  });

  it('lets the rep remove their own domain, and keeps it removed', async () => {
    await rememberOwnEmail('me@acme-tech.example');
    await savePrivacyPrefs(true, ['family.example']);
    await rememberOwnEmail('me@acme-tech.example');
    const prefs = await privacyItem.getValue();
    expect(effectiveNeverLookup(prefs)).toEqual(['family.example']);
    expect(isNeverLookup('colleague@acme-tech.example', prefs)).toBe(false);
  });

  it('keeps the rep’s save when a Gmail tab records its account at the same moment', async () => {
    await Promise.all([
      rememberOwnEmail('me@seller.example'),
      savePrivacyPrefs(true, ['deepa.example']),
    ]);
    const prefs = await privacyItem.getValue();
    expect(prefs.ownDomain).toBe('seller.example');
    expect(isNeverLookup('deepa@deepa.example', prefs)).toBe(true);
  });

  it('matches whole addresses and domains with their subdomains', async () => {
    const prefs = await savePrivacyPrefs(true, [' @Family.example ', 'boss@work.example']);
    expect(prefs.neverLookup).toEqual(['family.example', 'boss@work.example']);
    expect(isNeverLookup('mum@family.example', prefs)).toBe(true);
    expect(isNeverLookup('x@mail.family.example', prefs)).toBe(true);
    expect(isNeverLookup('x@notfamily.example', prefs)).toBe(false);
    expect(isNeverLookup('BOSS@work.example', prefs)).toBe(true);
    expect(isNeverLookup('colleague@work.example', prefs)).toBe(false);
  });
});
