/**
 * Email addresses, one way everywhere: Gmail writes them in the case the sender typed
 * (Rahul.Sharma@Acme-Tech.example), Vivre stores them lower-cased, and both the content
 * script and the worker compare them here. Pure, so every runtime can use it.
 */

// Deliberately loose: Gmail has already validated chips; this only has to tell an address from a
// half-typed name in a recipient input ("rah", "Rahul S") and from junk attribute values.
const ADDRESS = /^[^\s@<>,;:"()[\]]+@[^\s@<>,;:"()[\]]+\.[^\s@<>,;:"()[\].]{2,}$/;

/** The form every address is compared and stored in. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** `value` as a normalized address, or null when it is not one (a name, a fragment, junk). */
export function parseAddress(value: string | null | undefined): string | null {
  const address = value === null || value === undefined ? '' : normalizeEmail(value);
  return ADDRESS.test(address) ? address : null;
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** Mail providers whose users share nothing but the provider: never a company, never colleagues. */
const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'yahoo.co.in',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'yandex.com',
  'zoho.com',
  'rediffmail.com',
]);

/**
 * The rep's company domain, or null when the account is on free mail (a rep on gmail.com
 * has no colleagues by domain) or unknown.
 */
export function companyDomainOf(signedIn: string | null | undefined): string | null {
  if (!signedIn) return null;
  const domain = domainOf(signedIn);
  return domain && !FREE_MAIL_DOMAINS.has(domain) ? domain : null;
}

/** A colleague: someone at the rep's own company domain. Never on free mail. */
export function isColleague(email: string, signedIn: string | null | undefined): boolean {
  const company = companyDomainOf(signedIn);
  return company !== null && domainOf(email) === company;
}

function titleCase(words: string): string {
  return words
    .split(/[\s._+-]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}

/** "arjun.patel+vivre@x" → "Arjun Patel": a readable name the rep can change later. */
export function nameFromAddress(email: string): string {
  const local = email.slice(0, Math.max(0, email.indexOf('@'))) || email;
  return titleCase(local.replace(/\+.*$/, '').replace(/\d+/g, ' ')) || local;
}

// Second-level labels that belong to the suffix, as in acme.co.in or acme.com.au.
const SUFFIX_LABELS = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu']);

/** "ananya@bluestone.example" → "Bluestone"; '' for free mail, which names no company. */
export function companyFromAddress(email: string): string {
  const domain = domainOf(email);
  if (!domain || FREE_MAIL_DOMAINS.has(domain)) return '';
  const labels = domain.split('.');
  labels.pop(); // the top-level domain
  if (labels.length > 1 && SUFFIX_LABELS.has(labels[labels.length - 1]!)) labels.pop();
  return titleCase(labels[labels.length - 1] ?? '');
}
