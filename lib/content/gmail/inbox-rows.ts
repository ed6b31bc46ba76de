/**
 * The rows of Gmail's list views (inbox, labels, search results): which rows a part of the page
 * holds, and the people each row shows beside its subject ("me, Alice (3)"). Knows nothing of
 * Vivre: who counts as a colleague is decided by the chips.
 *
 * A row shows its people twice: in the visible people line and in a hidden screen-reader summary
 * (div.afn, named by the row's aria-labelledby). Only the people line is read, so each person
 * gets one anchor per row.
 */
import { parseAddress } from '../../shared/address';
import { displayName, isSignedIn } from './address';
import {
  closestSafe,
  isReadable,
  isReadableWithin,
  matchesSafe,
  queryNewestFirst,
  safeQueryAll,
} from './query';
import { ADDRESS_HOLDER, INBOX_ROW, INBOX_ROW_PEOPLE, INBOX_ROW_SUMMARY } from './selectors';

export interface RowPerson {
  /** Lower-cased address. */
  email: string;
  name: string | null;
  /** The element showing this person in the people line: a row chip goes after it. */
  element: Element;
}

/** Any list row, by every selector Gmail's rows have had. */
export const ANY_LIST_ROW = INBOX_ROW.map(({ selector }) => selector).join(', ');

/**
 * The readable list rows in `root`, or the row `root` is inside (a burst may have changed one
 * cell of a row). Hidden rows (another view's list kept in the page) are skipped. `readable`:
 * `isReadable`, or one that remembers ancestors across the roots of a burst (`readableOnce`).
 */
export function findInboxRows(root: ParentNode, readable = isReadable): Element[] {
  if (isElementNode(root)) {
    const around = closestSafe(root, ANY_LIST_ROW);
    if (around) return readable(around) ? [around] : [];
  }
  return queryNewestFirst(root, INBOX_ROW, readable);
}

/** Whether `element` is itself a list row. */
export function isListRow(element: Element): boolean {
  return matchesSafe(element, ANY_LIST_ROW);
}

/** Whether `element` is a list row or inside one: a place with people, never a message or compose. */
export function isInListRow(element: Element): boolean {
  return closestSafe(element, ANY_LIST_ROW) !== null;
}

/**
 * The people a row shows, in order, one per address, the signed-in account left out. Addresses
 * inside the hidden summary are never read, whichever way Gmail marks it. The row's addresses are
 * queried once, and its people line found from them: a list takes a row in every burst, and
 * querying each cell of each row for addresses was most of what reading rows cost.
 */
export function readRowPeople(row: Element, signedIn?: string | null): RowPerson[] {
  const holders = safeQueryAll(row, ADDRESS_HOLDER);
  if (holders.length === 0) return [];
  const summary = summaryOf(row);
  const shown = holders.filter((element) => !isInside(element, summary));
  const line = peopleLine(row, shown, summary);
  if (!line) return [];
  const people: RowPerson[] = [];
  for (const element of shown) {
    if (!line.contains(element) || !isReadableWithin(element, row)) continue;
    const email = parseAddress(element.getAttribute('email'));
    if (!email || isSignedIn(email, signedIn) || people.some((p) => p.email === email)) continue;
    const name = displayName(element.getAttribute('name') ?? element.textContent, email);
    people.push({ email, name, element });
  }
  return people;
}

/**
 * The cell that shows the row's people: by the newest selector that finds one, the first cell
 * (in page order) holding one of the `shown` addresses, outside the summary.
 */
function peopleLine(row: Element, shown: Element[], summary: Element[]): Element | null {
  for (const { selector } of INBOX_ROW_PEOPLE) {
    for (const element of shown) {
      const cell = closestSafe(element, selector);
      if (cell && cell !== row && row.contains(cell) && !isInside(cell, summary)) return cell;
    }
  }
  return null;
}

/** The row's hidden summary: the element its aria-labelledby names, or div.afn. */
function summaryOf(row: Element): Element[] {
  const found: Element[] = [];
  const labelId = row.getAttribute('aria-labelledby');
  const byId = labelId ? row.ownerDocument.getElementById(labelId) : null;
  if (byId && row.contains(byId)) found.push(byId);
  for (const element of safeQueryAll(row, INBOX_ROW_SUMMARY)) found.push(element);
  return found;
}

function isInside(element: Element, containers: Element[]): boolean {
  return containers.some((container) => container.contains(element));
}

function isElementNode(node: ParentNode): node is Element {
  return (node as Node).nodeType === 1;
}
