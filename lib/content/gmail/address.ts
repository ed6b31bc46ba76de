/**
 * People by address, as thread and compose detection share them: what Gmail shows as a name, what
 * a rep typed into a recipient field, and one entry per address. Addresses themselves are parsed
 * in lib/shared/address.ts.
 */
import { parseAddress } from '../../shared/address';
import type { Participant } from '../../shared/people';

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

/** Whether `address` (lower-cased) is the signed-in account's; never when that is unknown. */
export function isSignedIn(address: string, signedIn: string | null | undefined): boolean {
  return Boolean(signedIn) && address === signedIn?.trim().toLowerCase();
}

/**
 * One entry per address, in order of first appearance. The first occurrence keeps its role and
 * message (the sender of the earliest message stays "sender"); a real name seen later replaces a
 * missing one, because Gmail sometimes shows only the address in one place and the name in another.
 */
export function dedupeByEmail(anchors: readonly Participant[]): Participant[] {
  const byEmail = new Map<string, Participant>();
  for (const { email, name, role, messageId } of anchors) {
    const known = byEmail.get(email);
    if (!known) {
      byEmail.set(email, { email, name, role, ...(messageId ? { messageId } : {}) });
    } else if (known.name === null && name !== null) {
      known.name = name;
    }
  }
  return [...byEmail.values()];
}
