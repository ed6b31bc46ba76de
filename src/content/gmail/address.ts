/**
 * Address handling shared by thread and compose detection: what Gmail shows as a name, and what
 * a rep typed into a recipient field. Addresses themselves are parsed in shared/address.ts.
 */
import { parseAddress } from '../../shared/address';

/** Gmail repeats the address as the name when a contact has none: report that as no name. */
export function displayName(name: string | null | undefined, address: string): string | null {
  const trimmed = name?.trim();
  if (!trimmed || trimmed.toLowerCase() === address) return null;
  return trimmed;
}

/**
 * Addresses in text typed into a recipient field but not yet turned into chips, e.g.
 * "a@x.example, Bea <b@y.example>". A fragment that is not a whole address yields nothing.
 */
export function parseTypedAddresses(value: string): string[] {
  const found: string[] = [];
  for (const part of value.split(/[,;]/)) {
    const bracketed = /<([^<>]*)>\s*$/.exec(part);
    const address = parseAddress(bracketed ? bracketed[1] : part);
    if (address && !found.includes(address)) found.push(address);
  }
  return found;
}

export function isSignedIn(address: string, signedIn: string | null | undefined): boolean {
  return Boolean(signedIn) && address === signedIn?.trim().toLowerCase();
}
