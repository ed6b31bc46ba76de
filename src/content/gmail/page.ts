/**
 * Gmail's page as a whole, outside any message or compose: the signed-in account, the open
 * thread's subject (its heading, or the title), the theme Gmail paints, and the notification bar.
 */
import { parseAddress } from '../../shared/address';
import { isHidden, queryNewestFirst, safeQueryAll } from './query';
import { ACCOUNT_BUTTON, NOTIFICATION_BAR, THREAD_SUBJECT } from './selectors';

// Gmail titles a page "<subject or Inbox (n)> - <address> - Gmail"; Workspace may brand the last
// part. The title names the account and, with a thread open, its subject.

/* ---- The account ---- */

/**
 * The signed-in account, lower-cased, or null when the page does not say.
 *
 * The address in the title is the last " - " part after the first that is an address: reading
 * from the end keeps a subject that itself contains an address from winning. Otherwise the Google
 * bar's account button, whose label ends in "(address)".
 */
export function findSignedInEmail(doc: Document): string | null {
  try {
    return accountInTitle(doc.title ?? '') ?? accountInButton(doc);
  } catch {
    return null;
  }
}

function accountInTitle(title: string): string | null {
  const parts = title.split(' - ').slice(1).reverse();
  for (const part of parts) {
    const address = parseAddress(part);
    if (address) return address;
  }
  return null;
}

function accountInButton(doc: Document): string | null {
  for (const button of safeQueryAll(doc, ACCOUNT_BUTTON)) {
    const label = button.getAttribute('aria-label') ?? '';
    const inParentheses = /\(([^()]+@[^()]+)\)\s*$/.exec(label)?.[1];
    const address = parseAddress(inParentheses);
    if (address) return address;
  }
  return null;
}

/* ---- The open thread's subject ---- */

// Only the plain "<subject> - <address> - Gmail": a branded Workspace title names no subject here.
const TITLE_WITH_SUBJECT = /^(.+) - \S+@\S+ - Gmail$/;

/**
 * The first part of a title "<subject> - <address> - Gmail", or null. Without an open thread that
 * part names a folder ("Inbox (3)"), not a subject: the caller knows whether a thread is open.
 */
export function subjectFromTitle(title: string): string | null {
  return TITLE_WITH_SUBJECT.exec(title.trim())?.[1]?.trim() || null;
}

/**
 * The open thread's subject as its heading shows it, or '' without an open thread. Gmail shows
 * it once, above the messages: it is every message's subject, and an inline reply's.
 */
export function findThreadSubject(doc: Document): string {
  const heading = queryNewestFirst(doc, THREAD_SUBJECT)[0];
  return heading?.textContent?.trim() ?? '';
}

/* ---- The theme ---- */

export type Theme = 'light' | 'dark';

/**
 * Light or dark, following Gmail: its theme paints the page background, so the body's computed
 * colour says which. When the body is transparent, the OS preference is the best remaining guess.
 */
export function detectTheme(doc: Document): Theme {
  const view = doc.defaultView;
  const colour = doc.body && view?.getComputedStyle(doc.body).backgroundColor;
  const [r, g, b, alpha = 1] = colour?.match(/[\d.]+/g)?.map(Number) ?? [];
  if (r !== undefined && g !== undefined && b !== undefined && alpha > 0) {
    const luminance = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
    return luminance < 0.5 ? 'dark' : 'light';
  }
  return view?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/* ---- The notification bar ---- */

// Gmail's English wording; other locales fall back on the click and shortcut signals of a send.
const MESSAGE_SENT = /\bmessage sent\b/i;

/** Whether Gmail's notification bar currently says a message was sent. */
export function isMessageSentShown(doc: Document): boolean {
  const bars = queryNewestFirst(doc, NOTIFICATION_BAR, (bar) => !isHidden(bar));
  return bars.some((bar) => MESSAGE_SENT.test(bar.textContent ?? ''));
}
