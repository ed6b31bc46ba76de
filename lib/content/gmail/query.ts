/**
 * DOM helpers for reading Gmail's page: queries that never throw, newest-first selector lists,
 * what is ours to read, and the text a reader sees. No Gmail knowledge beyond selectors.ts.
 */
import { MESSAGE_BODY, NOT_BODY_TEXT, VIVRE_HOST, type SelectorFallbacks } from './selectors';

const OURS_OR_BODY = `${MESSAGE_BODY}, ${VIVRE_HOST}`;
/** Elements that may make what is inside them unreadable (see `hidesItself`). */
const MAY_HIDE_OR_OURS = `[hidden], [style], ${OURS_OR_BODY}`;

/**
 * The elements matched by the newest selector that finds at least one acceptable element. Older
 * selectors are only tried when the newer ones find nothing, so a redesign degrades to the
 * attribute-only fallbacks instead of to nothing. Never throws: a selector a DOM implementation
 * does not understand just counts as "no match".
 */
export function queryNewestFirst(
  root: ParentNode,
  fallbacks: SelectorFallbacks,
  accept: (element: Element) => boolean = () => true,
): Element[] {
  for (const { selector } of fallbacks) {
    const found = safeQueryAll(root, selector).filter(accept);
    if (found.length > 0) return found;
  }
  return [];
}

export function safeQueryAll(root: ParentNode, selector: string): Element[] {
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    return [];
  }
}

export function closestSafe(element: Element, selector: string): Element | null {
  try {
    return element.closest(selector);
  } catch {
    return null;
  }
}

export function matchesSafe(element: Element, selector: string): boolean {
  try {
    return element.matches(selector);
  } catch {
    return false;
  }
}

/** Whether anything inside `element` matches. */
export function holdsSafe(element: Element, selector: string): boolean {
  try {
    return element.querySelector(selector) !== null;
  } catch {
    return false;
  }
}

/**
 * Hidden by Gmail through the `hidden` attribute or an inline `display: none` or
 * `visibility: hidden` on the element or an ancestor (Gmail hides its "Show details" popup and a
 * spent Undo link that way). Deliberately no getComputedStyle: that would force a style
 * recalculation on Gmail's huge DOM at every scan, and Gmail hides views and rows with inline styles.
 */
export function isHidden(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (hidesItself(node)) return true;
  }
  return false;
}

function hidesItself(node: Element): boolean {
  if (node.hasAttribute('hidden')) return true;
  // `style` builds a declaration object for each element it is read on, and most of Gmail's
  // elements have no inline style: the attribute says so for far less.
  if (!node.hasAttribute('style')) return false;
  const style = (node as Partial<HTMLElement>).style;
  return style?.display === 'none' || style?.visibility === 'hidden';
}

/** Ours to read: not inside a message body or editor, not inside one of our hosts, not hidden. */
export function isReadable(element: Element): boolean {
  return (
    closestSafe(element, MESSAGE_BODY) === null &&
    closestSafe(element, VIVRE_HOST) === null &&
    !isHidden(element)
  );
}

/**
 * `isReadable` for many elements at once, for one burst: what it found of each ancestor is kept,
 * so the rows Gmail added side by side in one list cost one walk up the page, not three each.
 */
export function readableOnce(): (element: Element) => boolean {
  const known = new Map<Element, boolean>();
  const readable = (element: Element): boolean => {
    let answer = known.get(element);
    if (answer === undefined) {
      const parent = element.parentElement;
      answer =
        !hidesItself(element) &&
        !matchesSafe(element, OURS_OR_BODY) &&
        (parent === null || readable(parent));
      known.set(element, answer);
    }
    return answer;
  };
  return readable;
}

/**
 * `isReadable` for an element inside `container` that is already known to be readable: only the
 * ancestors below it are checked, so reading a message's header costs its depth in the message,
 * not its depth in Gmail's page.
 */
export function isReadableWithin(element: Element, container: Element): boolean {
  // Only the ancestors that could say no are visited, each found by the browser's own walk: a
  // list's new rows are read in every burst, and visiting each of their ancestors here cost
  // more than the rest of reading them.
  for (
    let node = closestSafe(element, MAY_HIDE_OR_OURS);
    node && node !== container && container.contains(node);
    node = node.parentElement && closestSafe(node.parentElement, MAY_HIDE_OR_OURS)
  ) {
    if (hidesItself(node) || matchesSafe(node, OURS_OR_BODY)) return false;
  }
  return true;
}

/**
 * Part of `container`'s own markup: not inside a message body, an editor or one of our hosts,
 * shown or not (a hidden twin of a person still says which role they have).
 */
export function isMarkupWithin(element: Element, container: Element): boolean {
  for (let node: Element | null = element; node && node !== container; node = node.parentElement) {
    if (matchesSafe(node, MESSAGE_BODY) || matchesSafe(node, VIVRE_HOST)) return false;
  }
  return true;
}

/** The outermost elements only: drops matches nested inside another match. */
export function outermost(elements: Element[]): Element[] {
  const set = new Set(elements);
  return elements.filter((element) => {
    for (let node = element.parentElement; node; node = node.parentElement) {
      if (set.has(node)) return false;
    }
    return true;
  });
}

const BLOCK = /^(P|DIV|LI|TR|H[1-6]|BLOCKQUOTE|UL|OL|TABLE|PRE)$/;

/**
 * The text a reader sees of a rendered body or an editor, with line breaks where <br> and blocks
 * put them, quoted history and our own hosts left out, and runs of blank space collapsed. Text
 * only: no markup is kept, so a hostile message can only ever become characters in a note. No
 * innerText: it forces layout on Gmail's page and happy-dom does not implement it.
 */
export function plainTextOf(element: Element): string {
  const skipped = new Set(safeQueryAll(element, NOT_BODY_TEXT));
  let text = '';
  // A block starts and ends a line, but consecutive blocks (Gmail writes one <div> per line)
  // must not double-space the text: only <br> makes a blank line (Gmail's is <div><br></div>).
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
