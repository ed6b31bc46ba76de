/**
 * A compose window or inline reply, everything about it: finding composes, what one holds at the
 * moment of the send (for logging, read then because Gmail removes the compose right after), its
 * Send button and the signs that it is being sent, and where the "Log to Vivre" toggle goes. Its
 * recipients are read by compose-recipients.ts.
 */
import type { Participant } from '../../shared/people';
import {
  findComposeParticipants,
  findRecipientFields,
  hasRecipientField,
} from './compose-recipients';
import { findThreadSubject } from './page';
import { isHidden, matchesSafe, plainTextOf, queryNewestFirst, safeQueryAll } from './query';
import {
  COMPOSE_BODY,
  COMPOSE_DRAFT_ID,
  COMPOSE_SUBJECT,
  COMPOSE_SUBJECT_BOX,
  HIDDEN_INPUT,
  SEND_BUTTON,
  VIVRE_HOST,
} from './selectors';

/* ---- Finding composes ---- */

/**
 * Every open compose window and inline reply. A compose is the smallest element holding both a
 * recipient field and a body editor: that needs no class name and fits the dialog, the pop-out
 * and the inline reply alike.
 */
export function findComposes(root: ParentNode): Element[] {
  const composes = new Set<Element>();
  for (const field of findRecipientFields(root)) {
    const compose = composeAround(field);
    if (compose && !isHidden(compose)) composes.add(compose);
  }
  return [...composes];
}

/** The compose an element (a clicked button, a focused editor) belongs to, if any. */
function composeAround(element: Element): Element | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (queryNewestFirst(node, COMPOSE_BODY).length > 0 && hasRecipientField(node)) return node;
  }
  return null;
}

/* ---- What it holds ---- */

export interface ComposeContent {
  /** The draft's id when Gmail shows it (`#msg-a:r-...`), else null. */
  draftId: string | null;
  subject: string;
  bodyText: string;
  /** To/Cc/Bcc without the rep, one per address. */
  recipients: Participant[];
}

/** The draft's id (`#msg-a:r-...`), stable while Gmail re-renders or reopens the compose. */
export function draftIdOf(compose: Element): string | null {
  return compose.querySelector<HTMLInputElement>(COMPOSE_DRAFT_ID)?.value.trim() || null;
}

export function readCompose(compose: Element, signedIn: string | null): ComposeContent {
  const body = queryNewestFirst(compose, COMPOSE_BODY)[0];
  return {
    draftId: draftIdOf(compose),
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

/* ---- Its sending ---- */

function findSendButton(compose: Element): Element | null {
  return queryNewestFirst(compose, SEND_BUTTON, (button) => !isHidden(button))[0] ?? null;
}

interface SendIntentOptions {
  doc: Document;
  signal: AbortSignal;
  onIntent(compose: Element): void;
}

/**
 * The rep's Send: a click on the compose's Send button, Ctrl/Cmd+Enter inside it, or Enter or
 * Space on its focused Send button. Only the rep's own input counts (`isTrusted`): page script
 * can dispatch every one of these events, and change the compose before it does, but it cannot
 * make the browser mark them trusted. A send then shows as the compose closing
 * (`isComposeClosed`) or a sent notice (page.ts), which page script can fake too, so neither
 * counts without this intent. The listeners run in the capture phase, before Gmail's own handlers
 * remove the compose, so its content can still be read.
 */
export function listenForSendIntents({ doc, signal, onIntent }: SendIntentOptions): void {
  const composeOf = (event: Event): Element | null => {
    const target = event.target as Element | null;
    // Duck-typed: the content script's realm has its own Element constructor.
    if (!event.isTrusted || typeof target?.closest !== 'function' || target.closest(VIVRE_HOST)) {
      return null;
    }
    return composeAround(target);
  };
  doc.addEventListener(
    'click',
    (event) => {
      const compose = composeOf(event);
      if (compose && isSendClick(event.target as Element, compose)) onIntent(compose);
    },
    { capture: true, signal },
  );
  // Ctrl/Cmd+Enter anywhere in the compose, or Enter or Space on its focused Send button.
  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.repeat) return;
      const shortcut = event.key === 'Enter' && (event.ctrlKey || event.metaKey);
      const pressed = event.key === 'Enter' || event.key === ' ';
      if (!shortcut && !pressed) return;
      const compose = composeOf(event);
      if (compose && (shortcut || isSendClick(event.target as Element, compose))) {
        onIntent(compose);
      }
    },
    { capture: true, signal },
  );
}

/** Whether a click on `target` was a click on the compose's Send button. */
function isSendClick(target: Element, compose: Element): boolean {
  const button = findSendButton(compose);
  return button !== null && (button === target || button.contains(target));
}

/** Whether the compose is gone from the page (removed, or hidden as Gmail does on send). */
export function isComposeClosed(compose: Element): boolean {
  return !compose.isConnected || isHidden(compose);
}

/* ---- Where our UI goes ---- */

/**
 * Where the "Log to Vivre" toggle goes: after the Send button's group, so it sits in the bottom
 * toolbar; without a visible Send button, after the subject, else at the top of the compose.
 */
export function placeInCompose(compose: Element, host: Element): void {
  const send = findSendButton(compose);
  const subject = safeQueryAll(compose, COMPOSE_SUBJECT_BOX).find(
    (box) => !matchesSafe(box, HIDDEN_INPUT),
  );
  const after = send?.parentElement ?? subject?.parentElement;
  if (after && compose.contains(after) && after !== compose) after.after(host);
  else compose.prepend(host);
}
