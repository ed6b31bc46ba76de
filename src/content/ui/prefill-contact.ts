/**
 * Best guesses for the "Add to Vivre" form, always editable by the rep:
 * "arjun.patel@bluestone.example" → name "Arjun Patel", company "Bluestone".
 */

// Addresses at these say nothing about the person's company.
const PERSONAL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.co.in',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'icloud.com',
  'rediffmail.com',
  'proton.me',
  'protonmail.com',
]);

// Second-level labels that belong to the suffix, as in acme.co.in or acme.com.au.
const SUFFIX_LABELS = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu']);

function titleCase(words: string): string {
  return words
    .split(/[\s._-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

export function guessName(email: string, displayName: string | null): string {
  const shown = displayName?.trim();
  if (shown && shown.toLowerCase() !== email.toLowerCase()) return shown;
  const local = email.split('@')[0] ?? '';
  return titleCase(local.replace(/\+.*$/, '').replace(/\d+/g, ' '));
}

export function guessCompany(email: string): string {
  const domain = (email.split('@')[1] ?? '').toLowerCase();
  if (!domain || PERSONAL_DOMAINS.has(domain)) return '';
  const labels = domain.split('.');
  labels.pop(); // the top-level domain
  if (labels.length > 1 && SUFFIX_LABELS.has(labels[labels.length - 1]!)) labels.pop();
  return titleCase(labels[labels.length - 1] ?? '');
}
