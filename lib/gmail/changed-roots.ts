/**
 * What one burst of Gmail's mutations changed, in terms detection cares about, so a content
 * script re-reads a few messages instead of the whole page. Gmail's page holds thousands of
 * elements that change all the time (inbox rows, labels, hover states, message bodies loading);
 * only messages' headers, recipient fields and the elements holding people matter.
 */
import { matchesSafe } from './query';
import { MESSAGE, MESSAGE_BODY, NOTIFICATION_BAR, RECIPIENT_FIELD, VIVRE_HOST } from './selectors';

export interface GmailChange {
  /**
   * Elements to read again: the whole message a change was inside, the row of a recipient field,
   * or the parent of added elements that show people. Detection run on each of them (they are
   * `ParentNode`s) finds every participant the burst can have changed. May overlap; may be empty.
   */
  roots: Set<Element>;
  /** Elements that showed people (or our hosts) left the page: drop hosts whose anchor is gone. */
  removed: boolean;
  /** Gmail's notification bar or another live region changed (it says "Message sent"). */
  notice: boolean;
}

export function newGmailChange(): GmailChange {
  return { roots: new Set(), removed: false, notice: false };
}

/** Whether a burst asks for any work: false for churn that shows no people. */
export function isWorthScanning(change: GmailChange): boolean {
  return change.roots.size > 0 || change.removed || change.notice;
}

const ANY_MESSAGE = MESSAGE.map(({ selector }) => selector).join(', ');
const NOTICE = NOTIFICATION_BAR.map(({ selector }) => selector).join(', ');
/** Anything detection reads people from, or that holds them. */
const SHOWS_PEOPLE = `[email], [data-hovercard-id], ${ANY_MESSAGE}, ${RECIPIENT_FIELD}`;

/** Records one mutation into `change`. Costs a few `closest`/`matches` calls, no page query. */
export function noteChange(change: GmailChange, record: MutationRecord): void {
  const target =
    record.target.nodeType === 1 ? (record.target as Element) : record.target.parentElement;
  if (!target) return;
  // A message body or an editor never holds a header's people: Gmail loading a body, or a rep
  // typing, is no reason to read anything again.
  if (closestSafe(target, MESSAGE_BODY)) return;
  const message = outermostMessage(target);
  if (message) {
    change.roots.add(message);
    return;
  }
  const field = closestSafe(target, RECIPIENT_FIELD);
  if (field) {
    // Classic compose put chips beside the field, so its row is read.
    change.roots.add(field.parentElement ?? field);
    return;
  }
  if (closestSafe(target, NOTICE)) change.notice = true;
  if (record.type === 'attributes') {
    // An address changed on an element, or `hidden` toggled around messages or fields.
    if (matchesSafe(target, SHOWS_PEOPLE)) change.roots.add(target.parentElement ?? target);
    else if (holds(target, SHOWS_PEOPLE)) change.roots.add(target);
    return;
  }
  for (const node of record.addedNodes) {
    if (isElement(node) && (matchesSafe(node, SHOWS_PEOPLE) || holds(node, SHOWS_PEOPLE))) {
      change.roots.add(target);
      break;
    }
  }
  if (change.removed) return;
  for (const node of record.removedNodes) {
    if (!isElement(node)) continue;
    if (matchesSafe(node, SHOWS_PEOPLE) || holds(node, `${SHOWS_PEOPLE}, ${VIVRE_HOST}`)) {
      change.removed = true;
      return;
    }
  }
}

/** The outermost message around `element` (messages can hold quoted ones), or null. */
function outermostMessage(element: Element): Element | null {
  let found = closestSafe(element, ANY_MESSAGE);
  for (let up = found?.parentElement; up; up = found?.parentElement) {
    const outer = closestSafe(up, ANY_MESSAGE);
    if (!outer) break;
    found = outer;
  }
  return found;
}

function holds(element: Element, selector: string): boolean {
  try {
    return element.querySelector(selector) !== null;
  } catch {
    return false;
  }
}

function closestSafe(element: Element, selector: string): Element | null {
  try {
    return element.closest(selector);
  } catch {
    return null;
  }
}

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}
