import { parseAddress } from '../../shared/address';
import { safeQueryAll } from './query';
import { ACCOUNT_BUTTON } from './selectors';

/**
 * The signed-in account, lower-cased, or null when the page does not say.
 *
 * Gmail's title is "<subject or Inbox (n)> - <address> - Gmail" (Workspace may brand the last part),
 * so the address is the last " - " part after the first that is an address: reading from the end
 * keeps a subject that itself contains an address from winning. Otherwise the Google bar's account
 * button, whose label ends in "(address)".
 */
export function findSignedInEmail(doc: Document): string | null {
  try {
    return fromTitle(doc.title ?? '') ?? fromAccountButton(doc);
  } catch {
    return null;
  }
}

function fromTitle(title: string): string | null {
  const parts = title.split(' - ').slice(1).reverse();
  for (const part of parts) {
    const address = parseAddress(part);
    if (address) return address;
  }
  return null;
}

function fromAccountButton(doc: Document): string | null {
  for (const button of safeQueryAll(doc, ACCOUNT_BUTTON)) {
    const label = button.getAttribute('aria-label') ?? '';
    const inParentheses = /\(([^()]+@[^()]+)\)\s*$/.exec(label)?.[1];
    const address = parseAddress(inParentheses);
    if (address) return address;
  }
  return null;
}
