/**
 * What one burst of Gmail's mutations changed, in terms detection cares about, so a content
 * script re-reads a few messages instead of the whole page. Gmail's page holds thousands of
 * elements that change all the time (inbox rows, labels, hover states, message bodies loading);
 * only messages' headers, recipient fields and the elements holding people matter.
 */
import { ANY_LIST_ROW, isListRow } from './inbox-rows';
import { closestSafe, holdsSafe, matchesSafe } from './query';
import {
  COLLAPSED_MESSAGE,
  MESSAGE,
  MESSAGE_BODY,
  MESSAGE_ITEM,
  NOTIFICATION_BAR,
  PERSON,
  RECIPIENT_FIELD,
  VIVRE_HOST,
} from './selectors';

export interface GmailChange {
  /**
   * Elements to read again: the whole message a change was inside, the row of a recipient field,
   * or the parent of added elements that show people. Detection run on each of them (they are
   * `ParentNode`s) finds every participant the burst can have changed. May overlap; may be empty.
   */
  roots: Set<Element>;
  /**
   * List rows added whole (Gmail adds one per new conversation, in nearly every burst): read for
   * row chips only, never for thread or compose people, and never a sign that a compose or a
   * message appeared. Rows added inside a bigger element are found through `roots` instead.
   */
  rows: Set<Element>;
  /** Elements that showed people (or our hosts) left the page: drop hosts whose anchor is gone. */
  removed: boolean;
  /** Gmail's notification bar or another live region changed (it says "Message sent"). */
  notice: boolean;
}

export function newGmailChange(): GmailChange {
  return { roots: new Set(), rows: new Set(), removed: false, notice: false };
}

/** Whether a burst asks for any work: false for churn that shows no people. */
export function isWorthScanning(change: GmailChange): boolean {
  return change.roots.size > 0 || change.rows.size > 0 || change.removed || change.notice;
}

/**
 * A message: expanded (with its id) or collapsed (its dated header class). A collapsed message
 * whose classes changed is found through its list entry, which is read like any other parent.
 */
const ANY_MESSAGE = [...MESSAGE, ...COLLAPSED_MESSAGE.filter(({ seen }) => seen !== 'stable')]
  .map(({ selector }) => selector)
  .join(', ');
const NOTICE = NOTIFICATION_BAR.map(({ selector }) => selector).join(', ');
/** Anything detection reads people from, or that holds them. */
const SHOWS_PEOPLE = `${PERSON}, ${ANY_MESSAGE}, ${MESSAGE_ITEM}, ${RECIPIENT_FIELD}`;
/** What a mutation inside is never Gmail's change of people: our hosts, message bodies, editors. */
const OURS_OR_BODY = `${VIVRE_HOST}, ${MESSAGE_BODY}`;
/**
 * Every ancestor that decides what a mutation means: one `closest` walk finds the nearest. A list
 * row decides only that the walk may stop there (no message, field or notice is inside a row):
 * Gmail changes its rows' times and states in every burst, and each walk went up the whole page.
 */
const DECIDES = `${VIVRE_HOST}, ${MESSAGE_BODY}, ${ANY_MESSAGE}, ${RECIPIENT_FIELD}, ${NOTICE}, ${MESSAGE_ITEM}, ${ANY_LIST_ROW}`;

/**
 * Records one mutation into the burst `change()` returns. A mutation of ours (a chip host
 * inserted, removed or rendered into) is not Gmail's, and neither is one inside a message body
 * or an editor: it never adds a root, a row or a removal (outside messages, fields and notices it
 * may still open an empty burst, which asks for no work). Costs one `closest` walk for the common case,
 * never a query of the page. `walked`: what the walk found from targets already seen in the same
 * batch of records (Gmail adds and removes many rows of one list at once), kept by the caller for
 * that batch only, while the page cannot change.
 */
export function noteChange(
  record: MutationRecord,
  change: () => GmailChange,
  walked = new Map<Element, Element | null>(),
): void {
  const target =
    record.target.nodeType === 1 ? (record.target as Element) : record.target.parentElement;
  if (!target) return;
  // The target's walk comes before the record's nodes: every node a record names costs this
  // isolated world a wrapper the first time it is read (in the thread profile, reading them for
  // our own hosts' check was half of the content script's time), and the walk is shared by the
  // batch's records with one target.
  let found = walked.get(target);
  if (found === undefined) walked.set(target, (found = closestSafe(target, DECIDES)));
  // Inside one of our hosts; or inside a message body or an editor, which never holds a header's
  // people: Gmail loading a body, or a rep typing, is no reason to read anything again.
  if (found && matchesSafe(found, OURS_OR_BODY)) return;
  const nearest = found && !isListRow(found) ? found : null;
  // Only a record under a message, field or notice is read for its place rather than for its
  // nodes, so only there could our own host going in or out pass for Gmail's change. Elsewhere
  // (a list row, the page around) each node is read for what it shows, and a host of ours shows
  // no one: it is no list row, carries no address and holds nothing outside its closed root (and
  // `isOurs` below drops one that does). So the check is spared there: it was a quarter of the
  // content script's time under the thread page's 5,000 mutations (bench/main-thread.ts).
  if (nearest && record.type === 'childList' && onlyOurs(record)) return;
  const burst = change(); // Gmail's change: the burst is reported, even when it has no roots
  if (nearest && matchesSafe(nearest, RECIPIENT_FIELD)) {
    // Classic compose put chips beside the field, so its row is read.
    burst.roots.add(nearest.parentElement ?? nearest);
    return;
  }
  const message = nearest && outermostMessage(nearest);
  if (message) {
    burst.roots.add(message);
    return;
  }
  // A thread's list entry is read as a parent of people; the only other kind is a notice.
  if (nearest && !matchesSafe(nearest, MESSAGE_ITEM)) burst.notice = true;
  if (record.type === 'attributes') {
    // An address changed on an element, or `hidden` toggled around messages or fields.
    if (matchesSafe(target, SHOWS_PEOPLE)) burst.roots.add(target.parentElement ?? target);
    else if (holdsSafe(target, SHOWS_PEOPLE)) burst.roots.add(target);
    return;
  }
  // What was added is read, not the element it went into: Gmail appends a row to a list of a
  // hundred in every burst, and reading the list again for it cost more than all the rest.
  // An element that shows people itself is read through its parent (a query never finds the
  // element it starts from); one that holds people is read alone; a list row is named as one,
  // which spares it the query for people and every reader but the row chips.
  const added = record.addedNodes;
  for (let i = 0; i < added.length; i++) {
    const node = added[i]!;
    if (!isElement(node)) continue;
    // Ours is asked last, only of a node that would count: most added nodes are Gmail's.
    if (isListRow(node)) burst.rows.add(node);
    else if (matchesSafe(node, SHOWS_PEOPLE)) {
      if (!isOurs(node)) burst.roots.add(target);
    } else if (holdsSafe(node, SHOWS_PEOPLE) && !isOurs(node)) burst.roots.add(node);
  }
  if (burst.removed) return;
  const removed = record.removedNodes;
  for (let i = 0; i < removed.length; i++) {
    const node = removed[i]!;
    if (!isElement(node)) continue;
    const showedPeople =
      matchesSafe(node, SHOWS_PEOPLE) || holdsSafe(node, `${SHOWS_PEOPLE}, ${VIVRE_HOST}`);
    if (showedPeople && !isOurs(node)) {
      burst.removed = true;
      break;
    }
  }
}

/**
 * Only our hosts were added or removed (inserting a chip after an anchor). The removed nodes are
 * read only when every added one is ours: a record of Gmail's is known by its first added node.
 * Indexed loops: this runs for most records of every burst, and NodeList iterators showed up in
 * the profile.
 */
function onlyOurs(record: MutationRecord): boolean {
  const added = record.addedNodes;
  if (added.length > 0) return allOurs(added) && allOurs(record.removedNodes);
  const removed = record.removedNodes;
  return removed.length > 0 && allOurs(removed);
}

function allOurs(nodes: NodeList): boolean {
  for (let i = 0; i < nodes.length; i++) if (!isOurs(nodes[i]!)) return false;
  return true;
}

/** One of our hosts (asked only of a node that would otherwise count as Gmail's change). */
function isOurs(node: Node): boolean {
  return isElement(node) && matchesSafe(node, VIVRE_HOST);
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

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}
