import { displayName, isSignedIn } from './address';
import { parseAddress } from '../../shared/address';
import { isReadable, isReadableWithin, matchesSafe, outermost, queryNewestFirst } from './query';
import { MESSAGE, MESSAGE_RECIPIENTS, MESSAGE_SENDER, REPEATED_PERSON } from './selectors';
import type { ParticipantAnchor, ParticipantRole } from '../../shared/people';

/**
 * Every readable person in every message of the open thread, one entry per element, in page order:
 * per message the sender then the To/Cc/Bcc recipients. Collapsed messages show only a sender and
 * hidden ones nothing; whatever is there is reported and nothing throws.
 */
export function findThreadAnchors(root: ParentNode, signedIn?: string | null): ParticipantAnchor[] {
  const anchors: ParticipantAnchor[] = [];
  for (const message of findMessages(root)) {
    for (const anchor of readMessage(message)) {
      if (!isSignedIn(anchor.email, signedIn)) anchors.push(anchor);
    }
  }
  return anchors;
}

function findMessages(root: ParentNode): Element[] {
  const messages = queryNewestFirst(root, MESSAGE, isReadable);
  // A content script re-reads just the message a change was in: it must be readable itself.
  if (
    isElement(root) &&
    MESSAGE.some(({ selector }) => matchesSafe(root, selector)) &&
    isReadable(root)
  ) {
    messages.unshift(root);
  }
  return outermost(messages);
}

function readMessage(message: Element): ParticipantAnchor[] {
  const messageId =
    message.getAttribute('data-message-id') ||
    message.getAttribute('data-legacy-message-id') ||
    undefined;
  const isPerson = (element: Element) =>
    parseAddress(element.getAttribute('email')) !== null &&
    !matchesSafe(element, REPEATED_PERSON) &&
    isReadableWithin(element, message);

  const sender = queryNewestFirst(message, MESSAGE_SENDER, isPerson)[0];
  const recipients = queryNewestFirst(
    message,
    MESSAGE_RECIPIENTS,
    (element) => isPerson(element) && !related(element, sender),
  );
  const roles = recipientRoles(message, recipients);
  const anchors: ParticipantAnchor[] = [];
  const add = (element: Element, role: ParticipantRole) => {
    const email = parseAddress(element.getAttribute('email'));
    if (!email) return;
    const name = displayName(
      element.getAttribute('name') ?? element.getAttribute('data-name') ?? element.textContent,
      email,
    );
    anchors.push({
      email,
      name,
      role,
      ...(messageId ? { messageId } : {}),
      element,
      context: 'thread',
    });
  };
  if (sender) add(sender, 'sender');
  for (const recipient of recipients) add(recipient, roles.get(recipient) ?? 'to');
  return anchors;
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
    } else if (node.nodeType === 3 && !node.parentElement?.closest('[email]')) {
      const text = (node.textContent ?? '').replace(/\S+@\S+/g, '');
      const label = [...text.matchAll(LABEL)].at(-1)?.[1]?.toLowerCase();
      if (label) role = roleOfLabel(label);
    }
  }
  return roles;
}

function roleOfLabel(label: string): ParticipantRole {
  if (label === 'cc') return 'cc';
  if (label === 'from') return 'sender';
  return BCC_LABELS.has(label) ? 'bcc' : 'to';
}

function related(element: Element, other: Element | undefined): boolean {
  return (
    other !== undefined && (element === other || element.contains(other) || other.contains(element))
  );
}

function isElement(node: ParentNode): node is Element {
  return typeof (node as Element).matches === 'function';
}
