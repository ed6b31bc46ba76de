import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  isNeverLookup,
  privacyItem,
  rememberOwnEmail,
  savePrivacyPrefs,
} from '../../../lib/settings/privacy';

beforeEach(() => fakeBrowser.reset());

describe('privacy prefs', () => {
  it('looks people up by default', async () => {
    expect(await privacyItem.getValue()).toMatchObject({ autoLookup: true, neverLookup: [] });
  });

  it("adds the rep's own domain once, until the rep edits the list", async () => {
    await rememberOwnEmail('Me@Acme-Tech.example');
    await rememberOwnEmail('me@acme-tech.example');
    expect((await privacyItem.getValue()).neverLookup).toEqual(['acme-tech.example']);

    await savePrivacyPrefs(true, []);
    await rememberOwnEmail('me@acme-tech.example');
    expect((await privacyItem.getValue()).neverLookup).toEqual([]);
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
