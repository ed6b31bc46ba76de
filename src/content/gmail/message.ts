/**
 * One message of the open thread, everything about it: finding messages, a message's id, the
 * people its header shows (for chips), what it says (for logging), and where "Log this email" goes.
 *
 * People are read from the header as Gmail shows it: an expanded message names its sender and,
 * on the recipient line, its To/Cc/Bcc; a collapsed one only its sender; a hidden one nothing.
 * Whatever is there is reported and nothing throws. The roles of recipients come from the words
 * of the recipient line (`recipientRoles`), the only place that knows that line's wording.
 */
import { parseAddress } from '../../shared/address';
import type { Participant, ParticipantAnchor, ParticipantRole } from '../../shared/people';
import { dedupeByEmail, displayName } from './address';
import { findThreadSubject } from './page';
import {
  closestSafe,
  isHidden,
  isReadable,
  isReadableWithin,
  matchesSafe,
  outermost,
  plainTextOf,
  queryNewestFirst,
} from './query';
import {
  ADDRESS_HOLDER,
  MESSAGE,
  MESSAGE_BODY_TEXT,
  MESSAGE_HEADING,
  MESSAGE_RECIPIENTS,
  MESSAGE_SENDER,
  REPEATED_PERSON,
} from './selectors';

/* ---- Finding messages ---- */

/**
 * The readable messages in `root` (expanded or collapsed; hidden ones are skipped), outermost only
 * since messages can hold quoted ones. `root` counts when it is itself a readable message: a
 * content script re-reads just the message a change was in.
 */
export function findMessages(root: ParentNode): Element[] {
  const messages = queryNewestFirst(root, MESSAGE, isReadable);
  if (
    isElement(root) &&
    MESSAGE.some(({ selector }) => matchesSafe(root, selector)) &&
    isReadable(root)
  ) {
    messages.unshift(root);
  }
  return outermost(messages);
}

/** Expanded messages: those showing a body, the only ones worth logging. */
export function findExpandedMessages(root: ParentNode): Element[] {
  return queryNewestFirst(
    root,
    MESSAGE,
    (message) => !isHidden(message) && bodyOf(message) !== null,
  );
}

/** Gmail's id (`#msg-f:...`, or the legacy hex id of older builds), or null. */
export function messageIdOf(message: Element): string | null {
  return (
    message.getAttribute('data-message-id') ||
    message.getAttribute('data-legacy-message-id') ||
    null
  );
}

function isElement(node: ParentNode): node is Element {
  return typeof (node as Element).matches === 'function';
}

/* ---- Its people ---- */

/**
 * Every person the message's header shows, one entry per element, in page order: the sender,
 * then the To/Cc/Bcc recipients. The signed-in rep is included: callers decide.
 */
export function findMessageAnchors(message: Element): ParticipantAnchor[] {
  const messageId = messageIdOf(message);
  const sender = findSender(message);
  const recipients = findRecipients(message, sender);
  const roles = recipientRoles(message, recipients);
  const anchor = (element: Element, role: ParticipantRole): ParticipantAnchor[] => {
    const email = parseAddress(element.getAttribute('email'));
    if (!email) return [];
    const name = displayName(
      element.getAttribute('name') ?? element.getAttribute('data-name') ?? element.textContent,
      email,
    );
    return [{ email, name, role, ...(messageId ? { messageId } : {}), element, context: 'thread' }];
  };
  return [
    ...(sender ? anchor(sender, 'sender') : []),
    ...recipients.flatMap((recipient) => anchor(recipient, roles.get(recipient) ?? 'to')),
  ];
}

function findSender(message: Element): Element | undefined {
  return queryNewestFirst(message, MESSAGE_SENDER, (element) => isPerson(element, message))[0];
}

function findRecipients(message: Element, sender: Element | undefined): Element[] {
  return queryNewestFirst(
    message,
    MESSAGE_RECIPIENTS,
    (element) => isPerson(element, message) && !related(element, sender),
  );
}

/** An address in the header, not the avatar repeating it, not in the body, not hidden. */
function isPerson(element: Element, message: Element): boolean {
  return (
    parseAddress(element.getAttribute('email')) !== null &&
    !matchesSafe(element, REPEATED_PERSON) &&
    isReadableWithin(element, message)
  );
}

function related(element: Element, other: Element | undefined): boolean {
  return (
    other !== undefined && (element === other || element.contains(other) || other.contains(element))
  );
}

// Gmail writes the recipient line as text: "to A, B, cc: C". Labels are read from the text between
// recipients; addresses shown as text (span.go "<a@b>") are removed first so "to@x" is no label.
// "from:" starts the sender row of Gmail's "Show details" table when it is in the page.
const LABEL = /\b(bcc|cco|cci|cc|to|from)\b/gi;
const BCC_LABELS = new Set(['bcc', 'cco', 'cci']);
const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;

function recipientRoles(message: Element, recipients: Element[]): Map<Element, ParticipantRole> {
  const roles = new Map<Element, ParticipantRole>();
  const pending = new Set(recipients);
  const walker = message.ownerDocument.createTreeWalker(message, SHOW_ELEMENT_AND_TEXT);
  let role: ParticipantRole = 'to';
  for (let node = walker.nextNode(); node && pending.size > 0; node = walker.nextNode()) {
    if (pending.has(node as Element)) {
      roles.set(node as Element, role);
      pending.delete(node as Element);
    } else if (node.nodeType === 3 && !inAddressHolder(node)) {
      const text = (node.textContent ?? '').replace(/\S+@\S+/g, '');
      const label = [...text.matchAll(LABEL)].at(-1)?.[1]?.toLowerCase();
      if (label) role = roleOfLabel(label);
    }
  }
  return roles;
}

function inAddressHolder(text: Node): boolean {
  return Boolean(text.parentElement && closestSafe(text.parentElement, ADDRESS_HOLDER));
}

function roleOfLabel(label: string): ParticipantRole {
  if (label === 'cc') return 'cc';
  if (label === 'from') return 'sender';
  return BCC_LABELS.has(label) ? 'bcc' : 'to';
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
