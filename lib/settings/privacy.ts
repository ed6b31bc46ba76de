/**
 * Privacy preferences: not secret, so they live in storage.local where the options
 * page can read them too. The rep's own domain is added to "never look up" the first
 * time it is known, unless the rep has edited the list themselves.
 */
import { storage } from 'wxt/utils/storage';

export interface PrivacyPrefs {
  autoLookup: boolean;
  neverLookup: string[];
  /** True once the rep saved the list: from then on we never add to it. */
  neverLookupEdited: boolean;
}

export const privacyItem = storage.defineItem<PrivacyPrefs>('local:privacy', {
  fallback: { autoLookup: true, neverLookup: [], neverLookupEdited: false },
});

export function normalizeEntries(entries: string[]): string[] {
  const cleaned = entries.map((e) => e.trim().toLowerCase().replace(/^@/, '')).filter(Boolean);
  return [...new Set(cleaned)];
}

export async function savePrivacyPrefs(
  autoLookup: boolean,
  neverLookup: string[],
): Promise<PrivacyPrefs> {
  const prefs = { autoLookup, neverLookup: normalizeEntries(neverLookup), neverLookupEdited: true };
  await privacyItem.setValue(prefs);
  return prefs;
}

export async function rememberOwnEmail(email: string): Promise<void> {
  const domain = email.toLowerCase().split('@')[1];
  const prefs = await privacyItem.getValue();
  if (!domain || prefs.neverLookupEdited || prefs.neverLookup.includes(domain)) return;
  await privacyItem.setValue({ ...prefs, neverLookup: [...prefs.neverLookup, domain] });
}

/** An entry is a whole address (`a@b.com`) or a domain (`b.com`, which also covers `x.b.com`). */
export function isNeverLookup(email: string, prefs: PrivacyPrefs): boolean {
  const address = email.toLowerCase();
  const domain = address.split('@')[1] ?? '';
  return prefs.neverLookup.some((entry) =>
    entry.includes('@') ? entry === address : domain === entry || domain.endsWith(`.${entry}`),
  );
}
