/**
 * The people one thread message shows, each once, where the rep sees them: an expanded message
 * names its sender and, on its recipient line, its To/Cc/Bcc; a collapsed one only its sender; a
 * hidden one nothing. Gmail repeats people: the avatar beside the header, and the rows of the
 * "Show details" popup, which stays in the message hidden once opened. Those twins are never
 * where a chip goes; the popup's rows ("cc:", "bcc:") give the role, the recipient line's words
 * otherwise (recipient-roles.ts). Whatever is there is reported and nothing throws.
 */
import { parseAddress } from '../../shared/address';
import type { ParticipantAnchor, ParticipantRole } from '../../shared/people';
import { displayName } from './address';
import {
  closestSafe,
  isMarkupWithin,
  isReadableWithin,
  matchesSafe,
  queryNewestFirst,
  safeQueryAll,
} from './query';
import { labelledRoles, type LabelRole } from './recipient-roles';
import {
  ADDRESS_HOLDER,
  COMPOSE_FORM,
  MESSAGE_DETAILS,
  MESSAGE_RECIPIENTS,
  MESSAGE_SENDER,
  REPEATED_PERSON,
} from './selectors';

/** Gmail's id (`#msg-f:...`, or the legacy hex id of older builds), or null (collapsed messages). */
export function messageIdOf(message: Element): string | null {
  return (
    message.getAttribute('data-message-id') ||
    message.getAttribute('data-legacy-message-id') ||
    null
  );
}

/**
 * Every person the message's header shows, once each, in page order: the sender, then the
 * To/Cc/Bcc recipients. The signed-in rep is included: callers decide.
 */
export function findMessageAnchors(message: Element): ParticipantAnchor[] {
  const messageId = messageIdOf(message);
  const anchor = (
    element: Element,
    role: ParticipantRole,
    named: readonly Element[],
  ): ParticipantAnchor[] => {
    const email = parseAddress(element.getAttribute('email'));
    if (!email) return [];
    const name = named.map((twin) => nameOf(twin, email)).find((found) => found !== null) ?? null;
    return [{ email, name, role, ...(messageId ? { messageId } : {}), element, context: 'thread' }];
  };
  const sender = findSender(message);
  return [
    ...(sender ? anchor(sender, 'sender', [sender]) : []),
    ...findRecipients(message, sender).flatMap(({ element, role, twins }) =>
      anchor(element, role, [element, ...twins]),
    ),
  ];
}

/** The name Gmail gives a person: `name`, `data-name` (may be ""), the text; never the address. */
function nameOf(element: Element, email: string): string | null {
  return displayName(
    element.getAttribute('name') || element.getAttribute('data-name') || element.textContent,
    email,
  );
}

function findSender(message: Element): Element | undefined {
  return queryNewestFirst(
    message,
    MESSAGE_SENDER,
    (element) => isPerson(element, message) && isShown(element, message),
  )[0];
}

interface Recipient {
  element: Element;
  role: ParticipantRole;
  twins: Element[];
}

/**
 * The recipients, one per address, each at its first shown element off the details popup (or in
 * the popup when the rep opened it and only it names them). Role: the popup's row when a twin sits
 * in one, else the label before the shown element, else To. People labelled only as sender or
 * reply-to are no recipients.
 */
function findRecipients(message: Element, sender: Element | undefined): Recipient[] {
  const line = queryNewestFirst(
    message,
    MESSAGE_RECIPIENTS,
    (element) => isPerson(element, message) && !related(element, sender),
  );
  const popup = safeQueryAll(message, MESSAGE_DETAILS).flatMap((details) =>
    safeQueryAll(details, ADDRESS_HOLDER),
  );
  const people = inPageOrder([
    ...new Set([...line, ...popup.filter((twin) => isPerson(twin, message))]),
  ]);
  const labels = labelledRoles(message, people);
  const byAddress = new Map<string, Element[]>();
  for (const element of people) {
    const email = parseAddress(element.getAttribute('email')) as string;
    byAddress.set(email, [...(byAddress.get(email) ?? []), element]);
  }
  const found: Recipient[] = [];
  for (const twins of byAddress.values()) {
    const shown = twins.filter((twin) => twin !== sender && isShown(twin, message));
    const element = shown.find((twin) => !inPopup(twin)) ?? shown[0];
    const role = roleOf(twins, labels, element);
    if (element && role) found.push({ element, role, twins });
  }
  return found.sort((a, b) => pageOrder(a.element, b.element));
}

function roleOf(
  twins: readonly Element[],
  labels: Map<Element, LabelRole | null>,
  shown: Element | undefined,
): ParticipantRole | null {
  const recipientRole = (label: LabelRole | null | undefined) =>
    label === 'to' || label === 'cc' || label === 'bcc' ? label : null;
  const fromPopup = twins.filter(inPopup).map((twin) => recipientRole(labels.get(twin)));
  const popupRole = fromPopup.find((role) => role !== null);
  if (popupRole) return popupRole;
  if (fromPopup.length > 0 && twins.every(inPopup)) return null; // only a from:/reply-to: row
  const label = shown ? labels.get(shown) : undefined;
  if (label === 'sender' || label === 'reply') return null;
  return recipientRole(label) ?? 'to';
}

/** An address in the header: not the avatar repeating it, not in the body or a compose. */
function isPerson(element: Element, message: Element): boolean {
  return (
    parseAddress(element.getAttribute('email')) !== null &&
    !matchesSafe(element, REPEATED_PERSON) &&
    isMarkupWithin(element, message) &&
    closestSafe(element, COMPOSE_FORM) === null
  );
}

function isShown(element: Element, message: Element): boolean {
  return isReadableWithin(element, message);
}

function inPopup(element: Element): boolean {
  return closestSafe(element, MESSAGE_DETAILS) !== null;
}

function related(element: Element, other: Element | undefined): boolean {
  return (
    other !== undefined && (element === other || element.contains(other) || other.contains(element))
  );
}

const FOLLOWING = 0x04;

function pageOrder(a: Element, b: Element): number {
  if (a === b) return 0;
  return a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1;
}

export function inPageOrder<T extends Element>(elements: T[]): T[] {
  return [...elements].sort(pageOrder);
}
