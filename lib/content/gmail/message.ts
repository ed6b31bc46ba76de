/**
 * One expanded message of the open thread, everything about it: finding expanded messages, what
 * one says (for logging), and where "Log this email" goes. The people a message shows are read by
 * message-people.ts; collapsed messages, which carry no id, are found by thread.ts.
 */
import type { Participant } from '../../shared/people';
import { dedupeByEmail } from './address';
import { findMessageAnchors, messageIdOf } from './message-people';
import { findThreadSubject } from './page';
import {
  closestSafe,
  isReadable,
  matchesSafe,
  outermost,
  plainTextOf,
  queryNewestFirst,
} from './query';
import {
  COLLAPSED_MESSAGE_ITEM,
  HIDDEN_MESSAGE_ITEM,
  MESSAGE,
  MESSAGE_BODY_TEXT,
  MESSAGE_HEADING,
  MESSAGE_SENDER,
} from './selectors';

export { findMessageAnchors, messageIdOf };

/* ---- Finding messages ---- */

/**
 * The expanded messages in `root` a rep can read (hidden ones, and the expanded copy Gmail keeps
 * inside a collapsed or folded entry, are skipped), outermost only since messages can hold quoted
 * ones. `root` counts when it is itself such a message: a content script re-reads just the
 * message a change was in.
 */
export function findMessages(root: ParentNode): Element[] {
  const messages = queryNewestFirst(root, MESSAGE, isShownMessage);
  if (
    isElement(root) &&
    MESSAGE.some(({ selector }) => matchesSafe(root, selector)) &&
    isShownMessage(root)
  ) {
    messages.unshift(root);
  }
  return outermost(messages);
}

/** Readable, and not in a list entry Gmail marks folded away or collapsed. */
export function isShownMessage(message: Element): boolean {
  return (
    isReadable(message) &&
    closestSafe(message, HIDDEN_MESSAGE_ITEM) === null &&
    closestSafe(message, COLLAPSED_MESSAGE_ITEM) === null
  );
}

/** Expanded messages: those showing a body, the only ones worth logging. */
export function findExpandedMessages(root: ParentNode): Element[] {
  return queryNewestFirst(
    root,
    MESSAGE,
    (message) => isShownMessage(message) && bodyOf(message) !== null,
  );
}

function isElement(node: ParentNode): node is Element {
  return typeof (node as Element).matches === 'function';
}

/* ---- What it says ---- */

export interface MessageContent {
  /** Gmail's id: what "already logged" is remembered by. */
  messageId: string;
  subject: string;
  bodyText: string;
  sender: Participant | null;
  /** To/Cc/Bcc as the header shows them (the rep included, so callers can tell who sent it). */
  recipients: Participant[];
}

/** What the message says, as text only, or null when it has no id to log it by. */
export function readMessageContent(message: Element): MessageContent | null {
  const messageId = messageIdOf(message);
  if (!messageId) return null;
  // Everyone, the rep too: whether the rep sent it decides whom it is logged for. Read as chips
  // read a message given as the root, so logging and chips agree on who is on it.
  const people = dedupeByEmail(findMessages(message).flatMap((found) => findMessageAnchors(found)));
  const body = bodyOf(message);
  return {
    messageId,
    subject: findThreadSubject(message.ownerDocument),
    bodyText: body ? plainTextOf(body) : '',
    sender: people.find((person) => person.role === 'sender') ?? null,
    recipients: people.filter((person) => person.role !== 'sender'),
  };
}

function bodyOf(message: Element): Element | null {
  return queryNewestFirst(message, MESSAGE_BODY_TEXT)[0] ?? null;
}

/* ---- Where our UI goes ---- */

/** Where "Log this email" goes: after the header line naming the sender, else atop the message. */
export function placeInMessage(message: Element, host: Element): void {
  const sender = queryNewestFirst(message, MESSAGE_SENDER)[0];
  const heading = sender && closestSafe(sender, MESSAGE_HEADING);
  if (heading && message.contains(heading)) heading.after(host);
  else message.prepend(host);
}
