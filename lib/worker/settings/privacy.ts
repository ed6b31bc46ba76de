/**
 * Privacy preferences, in the worker's own storage (a content script must not widen who is looked
 * up). By default the
 * signed-in account's own domain is in "never look up" (colleagues are not CRM
 * contacts, and their addresses need not reach Vivre). It follows the account in
 * use — a rep who switches Gmail accounts gets that account's domain — and the rep
 * can remove it from the list like any other entry. Free-mail domains never count:
 * a rep on gmail.com must still see their gmail.com customers.
 */
import { companyDomainOf, normalizeEmail } from '../../shared/address';
import type { PrivacyPrefs } from '../../shared/settings';
import { privacyItem } from '../storage/items';

function normalizeEntries(entries: string[]): string[] {
  const cleaned = entries.map((e) => e.trim().toLowerCase().replace(/^@/, '')).filter(Boolean);
  return [...new Set(cleaned)];
}

/** The list as the rep sees and edits it: theirs, plus their own domain unless they removed it. */
export function effectiveNeverLookup(prefs: PrivacyPrefs): string[] {
  const { ownDomain, neverLookup } = prefs;
  return prefs.skipOwnDomain && ownDomain && !neverLookup.includes(ownDomain)
    ? [...neverLookup, ownDomain]
    : neverLookup;
}

export async function savePrivacyPrefs(
  autoLookup: boolean,
  entries: string[],
): Promise<PrivacyPrefs> {
  const list = normalizeEntries(entries);
  return privacyItem.update((prefs) => {
    const own = prefs.ownDomain;
    return {
      ...prefs,
      autoLookup,
      neverLookup: own ? list.filter((entry) => entry !== own) : list,
      skipOwnDomain: own ? list.includes(own) : prefs.skipOwnDomain,
    };
  });
}

/** In turn with the rep's saves: a Gmail tab loading as they save must not undo the save. */
export async function rememberOwnEmail(email: string): Promise<void> {
  const ownDomain = companyDomainOf(normalizeEmail(email));
  await privacyItem.update((prefs) =>
    prefs.ownDomain === ownDomain ? prefs : { ...prefs, ownDomain },
  );
}

/**
 * Whether `email` is never looked up (nor logged): on the rep's list, their own domain, or the
 * organisation's list. An entry is a whole address (`a@b.com`) or a domain (`b.com`, which also
 * covers `x.b.com`).
 */
export function isNeverLookup(email: string, prefs: PrivacyPrefs): boolean {
  const address = email.toLowerCase();
  const domain = address.split('@')[1] ?? '';
  return [...effectiveNeverLookup(prefs), ...(prefs.organisation ?? [])].some((entry) =>
    entry.includes('@') ? entry === address : domain === entry || domain.endsWith(`.${entry}`),
  );
}
