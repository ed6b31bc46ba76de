/**
 * What a compose window or inline reply holds at a given moment: its recipients, subject and body
 * text, and where its Send button is. Read at the moment of the send, because Gmail removes the
 * compose right after.
 */
import { findThreadSubject, plainTextOf } from './message-content';
import { findComposeParticipants } from './participants';
import { isHidden, isReadable, matchesSafe, queryNewestFirst, safeQueryAll } from './query';
import {
  COMPOSE_BODY,
  COMPOSE_DRAFT_ID,
  COMPOSE_SUBJECT,
  COMPOSE_SUBJECT_BOX,
  RECIPIENT_FIELD,
  SEND_BUTTON,
} from './selectors';
import type { Participant } from '../../shared/people';

export interface ComposeContent {
  /** The draft's id when Gmail shows it (`#msg-a:r-...`), else null. */
  draftId: string | null;
  subject: string;
  bodyText: string;
  /** To/Cc/Bcc without the rep, one per address. */
  recipients: Participant[];
}

/**
 * Every open compose window and inline reply. A compose is the smallest element holding both a
 * recipient field and a body editor: that needs no class name and fits the dialog, the pop-out
 * and the inline reply alike.
 */
export function findComposes(root: ParentNode): Element[] {
  const composes = new Set<Element>();
  for (const field of safeQueryAll(root, RECIPIENT_FIELD)) {
    if (matchesSafe(field, 'input[type=hidden]') || !isReadable(field)) continue;
    const compose = composeAround(field);
    if (compose && !isHidden(compose)) composes.add(compose);
  }
  return [...composes];
}

/** The compose an element (a clicked button, a focused editor) belongs to, if any. */
export function composeAround(element: Element): Element | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (queryNewestFirst(node, COMPOSE_BODY).length > 0 && hasRecipientField(node)) return node;
  }
  return null;
}

function findSendButton(compose: Element): Element | null {
  return queryNewestFirst(compose, SEND_BUTTON, (button) => !isHidden(button))[0] ?? null;
}

/** Whether a click on `target` was a click on the compose's Send button. */
export function isSendClick(target: Element, compose: Element): boolean {
  const button = findSendButton(compose);
  return button !== null && (button === target || button.contains(target));
}

export function readCompose(compose: Element, signedIn: string | null): ComposeContent {
  const draft = compose.querySelector<HTMLInputElement>(COMPOSE_DRAFT_ID)?.value.trim();
  const body = queryNewestFirst(compose, COMPOSE_BODY)[0];
  return {
    draftId: draft || null,
    subject: readSubject(compose),
    bodyText: body ? plainTextOf(body) : '',
    recipients: findComposeParticipants(compose, signedIn),
  };
}

/** The typed subject; an inline reply has no subject box and replies under the thread's subject. */
function readSubject(compose: Element): string {
  for (const input of safeQueryAll(compose, COMPOSE_SUBJECT) as HTMLInputElement[]) {
    const value = input.value?.trim();
    if (value) return value;
  }
  const hasSubjectBox = safeQueryAll(compose, COMPOSE_SUBJECT_BOX).some((box) => !isHidden(box));
  return hasSubjectBox ? '' : findThreadSubject(compose.ownerDocument);
}

function hasRecipientField(node: Element): boolean {
  return safeQueryAll(node, RECIPIENT_FIELD).some(
    (field) => !matchesSafe(field, 'input[type=hidden]'),
  );
}

/**
 * Where the "Log to Vivre" toggle goes: after the Send button's group, so it sits in the bottom
 * toolbar; without a visible Send button, after the subject, else at the top of the compose.
 */
export function placeInCompose(compose: Element, host: Element): void {
  const send = findSendButton(compose);
  const subject = compose.querySelector(`${COMPOSE_SUBJECT_BOX}:not([type=hidden])`);
  const after = send?.parentElement ?? subject?.parentElement;
  if (after && compose.contains(after) && after !== compose) after.after(host);
  else compose.prepend(host);
}
