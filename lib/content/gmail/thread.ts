/**
 * The open thread: its messages, expanded and collapsed, and the people they show. Expanded
 * messages are found and read by message.ts; a collapsed one carries no id (the real 2019 capture
 * and Gmail today), so it is found here by its one-line header and gives its sender. Its subject
 * is the page's heading, read by page.ts.
 */
import type { Participant, ParticipantAnchor } from '../../shared/people';
import { dedupeByEmail, isSignedIn } from './address';
import { findMessages, isShownMessage } from './message';
import { findMessageAnchors, inPageOrder } from './message-people';
import { closestSafe, isReadable, outermost, queryNewestFirst } from './query';
import { COLLAPSED_MESSAGE, HIDDEN_MESSAGE_ITEM, MESSAGE, MESSAGE_ITEM } from './selectors';

const ANY_EXPANDED = MESSAGE.map(({ selector }) => selector).join(', ');
const MESSAGE_OR_ENTRY = `${ANY_EXPANDED}, ${MESSAGE_ITEM}`;

/**
 * The expanded message, or else the thread's list entry, `element` is shown in; `element` itself
 * outside any (a compose window's field). A message's people come into view together.
 */
export function messageAround(element: Element): Element {
  return closestSafe(element, MESSAGE_OR_ENTRY) ?? element;
}

/**
 * Every message in `root` a rep can see, expanded or collapsed, in page order, outermost only.
 * `root` may be a message, or lie inside one: a content script re-reads just what a change touched.
 */
export function findThreadMessages(root: ParentNode): Element[] {
  return inPageOrder(outermost([...findMessages(root), ...findCollapsedMessages(root)]));
}

/** Collapsed messages: their header, or the list entry around it when Gmail's classes change. */
export function findCollapsedMessages(root: ParentNode): Element[] {
  const found = queryNewestFirst(root, COLLAPSED_MESSAGE, isCollapsedMessage);
  if (isElement(root)) {
    const around = COLLAPSED_MESSAGE.map(({ selector }) => closestSafe(root, selector)).find(
      (candidate) => candidate !== null && isCollapsedMessage(candidate),
    );
    if (around && !found.includes(around)) found.unshift(around);
  }
  return outermost(found);
}

/**
 * Shown, not folded away, not inside an expanded message (a quoted header, or the collapsed
 * header Gmail keeps beside an expanded one), and its list entry holds no expanded message.
 */
function isCollapsedMessage(element: Element): boolean {
  if (!isReadable(element) || closestSafe(element, HIDDEN_MESSAGE_ITEM) !== null) return false;
  const expandedAround = closestSafe(element, ANY_EXPANDED);
  if (expandedAround && isShownMessage(expandedAround)) return false;
  const entry = closestSafe(element, MESSAGE_ITEM) ?? element;
  return findMessages(entry).length === 0;
}

function isElement(node: ParentNode): node is Element {
  return typeof (node as Element).matches === 'function';
}

/**
 * Every readable person in every message in `root`, one entry per element, in page order: per
 * message the sender then the To/Cc/Bcc recipients. The signed-in account is left out.
 */
export function findThreadAnchors(root: ParentNode, signedIn?: string | null): ParticipantAnchor[] {
  return findThreadMessages(root)
    .flatMap((message) => findMessageAnchors(message))
    .filter((anchor) => !isSignedIn(anchor.email, signedIn));
}

/** The people of the open thread: per message the sender and To/Cc/Bcc recipients, one per address. */
export function findThreadParticipants(root: ParentNode, signedIn?: string | null): Participant[] {
  return dedupeByEmail(findThreadAnchors(root, signedIn));
}
