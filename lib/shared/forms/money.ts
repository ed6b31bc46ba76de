import { type FieldResult, invalid, valid } from './result';

/** ₹100 crore. Above that a typo is far likelier than a real deal. */
const MAX_DEAL_RUPEES = 1_000_000_000;

// Plain digits, or digits grouped the Western (1,500,000) or Indian (15,00,000) way,
// then at most two decimals. Anything else ("1e99", "12abc", "1,2,3") is refused
// rather than guessed at.
const AMOUNT =
  /^(?<whole>\d+|\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})*,\d{3})(?:\.(?<fraction>\d{1,2}))?$/;

/**
 * Turns what a rep typed in rupees into integer paise, the API's unit. Done on the
 * digits, not with floating point: 1.15 × 100 is 114.99999999999999.
 */
export function parseRupeesToPaise(input: string): FieldResult<number> {
  const text = input
    .trim()
    .replace(/^₹\s*/, '')
    .replace(/^Rs\.?\s*/i, '');
  if (!text) return invalid('Enter a value in rupees, like 1,500 or 1500.50.');
  if (/^-/.test(text)) return invalid('The value can’t be negative.');
  if (/^\d*\.\d{3,}$/.test(text.replaceAll(',', ''))) {
    return invalid('Use at most two decimals (paise), like 1500.50.');
  }
  const match = AMOUNT.exec(text);
  if (!match?.groups) return invalid('Enter a value in rupees, like 1,500 or 1500.50.');
  const whole = match.groups.whole!.replaceAll(',', '');
  const fraction = (match.groups.fraction ?? '').padEnd(2, '0');
  const paise = Number(whole) * 100 + Number(fraction);
  if (whole.length > 12 || paise > MAX_DEAL_RUPEES * 100) {
    return invalid('That’s more than ₹100 crore — check the value.');
  }
  return valid(paise);
}
