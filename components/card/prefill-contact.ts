/**
 * Best guesses for the "Add to Vivre" form, always editable by the rep:
 * "arjun.patel@bluestone.example" → name "Arjun Patel", company "Bluestone".
 */
import { nameFromAddress } from '../../lib/shared/address';

export { companyFromAddress as guessCompany } from '../../lib/shared/address';

/** The name Gmail shows, unless it is just the address again; else one made from the address. */
export function guessName(email: string, displayName: string | null): string {
  const shown = displayName?.trim();
  if (shown && shown.toLowerCase() !== email.toLowerCase()) return shown;
  return nameFromAddress(email);
}
