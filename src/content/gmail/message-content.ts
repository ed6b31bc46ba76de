/**
 * What an email says, read from Gmail's DOM for logging: a thread message's subject, body text and
 * people, and the plain text of any rendered body. Text only: nothing here keeps markup, so a
 * hostile message can only ever become characters in a note.
 */
import { findThreadParticipants } from './participants';
import { isHidden, queryNewestFirst, safeQueryAll } from './query';
import {
  MESSAGE,
  MESSAGE_BODY_TEXT,
  MESSAGE_SENDER,
  THREAD_SUBJECT,
  VIVRE_HOST,
} from './selectors';
import type { Participant } from '../../shared/people';

export interface MessageContent {
  /** Gmail's id (`#msg-f:...` or the legacy hex id): what "already logged" is remembered by. */
  messageId: string;
  subject: string;
  bodyText: string;
  sender: Participant | null;
  /** To/Cc/Bcc as the header shows them (the rep included, so callers can tell who sent it). */
  recipients: Participant[];
}

/** Expanded messages of the open thread: those showing a body, the only ones worth logging. */
export function findExpandedMessages(root: ParentNode): Element[] {
  return queryNewestFirst(
    root,
    MESSAGE,
    (message) => !isHidden(message) && messageBody(message) !== null,
  );
}

export function messageIdOf(message: Element): string | null {
  return (
    message.getAttribute('data-message-id') ||
    message.getAttribute('data-legacy-message-id') ||
    null
  );
}

export function readMessage(message: Element): MessageContent | null {
  const messageId = messageIdOf(message);
  if (!messageId) return null;
  // Everyone, the rep too: whether the rep sent it decides whom it is logged for.
  const people = findThreadParticipants(message, null);
  const body = messageBody(message);
  return {
    messageId,
    subject: findThreadSubject(message.ownerDocument),
    bodyText: body ? plainTextOf(body) : '',
    sender: people.find((person) => person.role === 'sender') ?? null,
    recipients: people.filter((person) => person.role !== 'sender'),
  };
}

export function findThreadSubject(doc: Document): string {
  const heading = queryNewestFirst(doc, THREAD_SUBJECT)[0];
  return heading?.textContent?.trim() ?? '';
}

function messageBody(message: Element): Element | null {
  return queryNewestFirst(message, MESSAGE_BODY_TEXT)[0] ?? null;
}

const BLOCK = /^(P|DIV|LI|TR|H[1-6]|BLOCKQUOTE|UL|OL|TABLE|PRE)$/;
// Quoted history is what the other side already wrote: not part of this email's excerpt.
const SKIPPED = `.gmail_quote, blockquote, script, style, ${VIVRE_HOST}`;

/**
 * The text a reader sees, with line breaks where <br> and blocks put them, quoted history and our
 * own hosts left out, and runs of blank space collapsed. No innerText: it forces layout on Gmail's
 * page and happy-dom does not implement it.
 */
export function plainTextOf(element: Element): string {
  const skipped = new Set(safeQueryAll(element, SKIPPED));
  let text = '';
  // A block starts and ends a line, but consecutive blocks (Gmail writes one <div> per line)
  // must not double-space the text: only <br> and empty blocks make blank lines.
  const endLine = () => {
    if (text && !text.endsWith('\n')) text += '\n';
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        text += child.textContent ?? '';
      } else if (child.nodeType === 1 && !skipped.has(child as Element)) {
        const tag = (child as Element).tagName;
        if (tag === 'BR') text += '\n';
        else if (BLOCK.test(tag)) {
          endLine();
          walk(child);
          endLine();
        } else walk(child);
      }
    }
  };
  walk(element);
  return text
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Where "Log this email" goes: after the header line naming the sender, else atop the message. */
export function placeInMessage(message: Element, host: Element): void {
  const sender = queryNewestFirst(message, MESSAGE_SENDER)[0];
  const heading = sender?.closest('h3, [role="heading"]');
  if (heading && message.contains(heading)) heading.after(host);
  else message.prepend(host);
}
