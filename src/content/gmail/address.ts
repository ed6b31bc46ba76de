/**
 * Address handling shared by thread and compose detection. Gmail writes addresses in the case the
 * sender typed them (e.g. Rahul.Sharma@Acme-Tech.example), so everything is compared lower-cased.
 */

// Deliberately loose: Gmail has already validated chips; this only has to tell an address from a
// half-typed name in a recipient input ("rah", "Rahul S") and from junk attribute values.
const ADDRESS = /^[^\s@<>,;:"()[\]]+@[^\s@<>,;:"()[\]]+\.[^\s@<>,;:"()[\].]{2,}$/;

export function normalizeAddress(value: string | null | undefined): string | null {
  const address = value?.trim().toLowerCase();
  return address && ADDRESS.test(address) ? address : null;
}

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
    const address = normalizeAddress(bracketed ? bracketed[1] : part);
    if (address && !found.includes(address)) found.push(address);
  }
  return found;
}

export function isSignedIn(address: string, signedIn: string | null | undefined): boolean {
  return Boolean(signedIn) && address === signedIn?.trim().toLowerCase();
}
