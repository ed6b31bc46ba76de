/**
 * Which Gmail account this tab is, read from this tab's own page only (never remembered, never
 * shared between tabs): a rep may have /mail/u/0/ and /mail/u/1/ open at once, or a mailbox
 * delegated to them (/mail/b/<id>/u/0/), and each tab's "me" and colleagues are its own.
 *
 * In order: an address in the URL (/mail/u/<address>/, ?authuser=<address>); the title, which
 * names the mailbox shown — in a delegated mailbox, the delegating one, whose identity is "me"
 * there (its messages are sent as that mailbox); the account switcher's link to this very mailbox
 * (/mail/u/<n>/ or /mail/b/<id>/); and, outside a delegated mailbox only, the Google bar's account
 * button, which names the signed-in Google account: the delegate, not the mailbox.
 */
import { parseAddress } from '../../shared/address';
import { safeQueryAll } from './query';
import { ACCOUNT_BUTTON, ACCOUNT_SWITCHER_LINK } from './selectors';

/** This tab's mailbox in Gmail's URL: `u/<n>` or `b/<id>/u/<n>`, and whether it is delegated. */
export function mailboxOf(url: string): { path: string; delegated: boolean } | null {
  const match = /\/mail\/((?:b\/[^/?#]+\/)?u\/[^/?#]+)/.exec(url);
  return match ? { path: match[1]!, delegated: match[1]!.startsWith('b/') } : null;
}

/**
 * The last answer each page's URL and title gave, while they stay the same: every burst asks,
 * and parsing both again was as costly as reading a new row. What the page's markup says
 * (the switcher, the button) is read again each time.
 */
const fromUrlAndTitle = new WeakMap<Document, { url: string; title: string; email: string }>();

/** The signed-in mailbox's address, lower-cased, or null when this page does not say. */
export function findSignedInEmail(doc: Document, url = doc.location?.href ?? ''): string | null {
  try {
    const title = doc.title ?? '';
    const known = fromUrlAndTitle.get(doc);
    if (known?.url === url && known.title === title) return known.email;
    const mailbox = mailboxOf(url);
    const email = accountInUrl(url, mailbox) ?? accountInTitle(title);
    if (email) {
      fromUrlAndTitle.set(doc, { url, title, email });
      return email;
    }
    return accountInSwitcher(doc, mailbox) ?? (mailbox?.delegated ? null : accountInButton(doc));
  } catch {
    return null;
  }
}

function accountInUrl(url: string, mailbox: { path: string } | null): string | null {
  const index = mailbox?.path.split('/').at(-1);
  const authuser = /[?&]authuser=([^&#]+)/.exec(url)?.[1];
  return (
    parseAddress(decodeURIComponent(index ?? '')) ??
    parseAddress(decodeURIComponent(authuser ?? ''))
  );
}

/**
 * Gmail titles a page "<subject or Inbox (n)> - <address> - Gmail"; Workspace may brand the last
 * part. The address is the last " - " part after the first that is one: reading from the end
 * keeps a subject that itself contains an address from winning.
 */
function accountInTitle(title: string): string | null {
  const parts = title.split(' - ').slice(1).reverse();
  for (const part of parts) {
    const address = parseAddress(part);
    if (address) return address;
  }
  return null;
}

/** The first address in a label or text: "Name (address)", "address (delegated)". */
function addressIn(text: string): string | null {
  for (const word of text.split(/[\s()<>]+/)) {
    const address = parseAddress(word);
    if (address) return address;
  }
  return null;
}

/** The switcher's entry that links to this tab's own mailbox (other entries are other accounts). */
function accountInSwitcher(doc: Document, mailbox: { path: string } | null): string | null {
  if (!mailbox) return null;
  for (const link of safeQueryAll(doc, ACCOUNT_SWITCHER_LINK)) {
    const target = mailboxOf(link.getAttribute('href') ?? '');
    if (target?.path !== mailbox.path) continue;
    const address = addressIn(`${link.getAttribute('aria-label') ?? ''} ${link.textContent ?? ''}`);
    if (address) return address;
  }
  return null;
}

/** The Google bar's account button, "Google Account: Name (address)"; never a switcher entry. */
function accountInButton(doc: Document): string | null {
  for (const button of safeQueryAll(doc, ACCOUNT_BUTTON)) {
    if (mailboxOf(button.getAttribute('href') ?? '')) continue; // another mailbox's link
    const label = button.getAttribute('aria-label') ?? '';
    const inParentheses = /\(([^()]+@[^()]+)\)\s*$/.exec(label)?.[1];
    const address = parseAddress(inParentheses);
    if (address) return address;
  }
  return null;
}
