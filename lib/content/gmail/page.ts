/**
 * Gmail's page as a whole, outside any message or compose: the signed-in account, the open
 * thread's subject (its heading, or the title), and the notification bar that follows a send.
 * The theme Gmail paints is read by theme.ts.
 */
import { closestSafe, isHidden, queryNewestFirst, safeQueryAll } from './query';
import { NOTIFICATION_BAR, THREAD_SUBJECT, UNDO_LINK, VIEW_SENT_LINK } from './selectors';

export { detectTheme, type Theme } from './theme';
export { findSignedInEmail } from './account';

// Gmail titles a page "<subject or Inbox (n)> - <address> - Gmail"; Workspace may brand the last
// part. The title names the account (account.ts) and, with a thread open, its subject.

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

/* ---- The notification bar ---- */

const ANY_BAR = NOTIFICATION_BAR.map(({ selector }) => selector).join(', ');

/** Gmail's links of a shown notice with this id, in any UI language (they carry no words we read). */
function shownLinks(doc: Document, link: string): Element[] {
  return safeQueryAll(doc, link).filter(
    (found) => !isHidden(found) && closestSafe(found, ANY_BAR) !== null,
  );
}

/**
 * Whether Gmail's notification bar shows a sent notice: one offering Undo, or View message. An
 * Undo link also follows other actions (archiving), so this confirms a send we saw begin.
 */
export function isMessageSentShown(doc: Document): boolean {
  return isUndoOffered(doc) || shownLinks(doc, VIEW_SENT_LINK).length > 0;
}

/** Whether a shown notice still offers Undo: Gmail's Undo Send window is open. */
export function isUndoOffered(doc: Document): boolean {
  return findOfferedUndo(doc) !== null;
}

/** The Undo link a shown notice offers now, or null. */
export function findOfferedUndo(doc: Document): Element | null {
  return shownLinks(doc, UNDO_LINK)[0] ?? null;
}

/** Gmail's Undo link when an event's target is (inside) it: a click on it, or Enter on it. */
export function undoLinkOf(target: EventTarget | null): Element | null {
  const element = target as Element | null;
  return typeof element?.closest === 'function' ? closestSafe(element, UNDO_LINK) : null;
}

/** The notification bars on the page, to watch while a send can still be undone. */
export function findNotificationBars(doc: Document): Element[] {
  return queryNewestFirst(doc, NOTIFICATION_BAR);
}
