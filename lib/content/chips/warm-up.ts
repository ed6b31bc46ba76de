/**
 * Runs the thread path once, while a new tab is idle, on a message that never enters the page:
 * detection reads its people and a chip host is built for each, then dropped. The first thread a
 * rep opens in that tab is then read and chipped by code the browser has already compiled, not
 * compiled on the way: in a trace of a new tab, the task that inserts a thread and builds its
 * chips went from 12.0 to 8.6 ms (median of 6), and bench/chips.ts's hosts from 7–9 to 5–6 ms.
 *
 * The message is built detached, in this content script's world: Gmail's page never sees it (no
 * observer, query or event reaches a node outside the document), no lookup is asked for (hosts
 * only read the store, and a host dropped at once gives nothing up), and nothing is kept.
 */
import type { ParticipantAnchor } from '../../shared/people';
import type { ChipHost } from './chip-host';

/**
 * An expanded message as Gmail draws it (the attributes every redesign kept, and the 2025
 * classes selectors.ts reads first): a sender in the heading, a recipient on the line, each at
 * an address reserved for documentation (RFC 2606).
 */
export function detachedMessage(doc: Document): Element {
  const add = (parent: Element, tag: string, className: string, email?: string) => {
    const child = parent.appendChild(doc.createElement(tag));
    child.className = className;
    if (email) child.setAttribute('email', `${email}@warm-up.example.com`);
    return child;
  };
  const root = doc.createElement('div');
  const message = add(root, 'div', 'adn ads');
  message.setAttribute('data-message-id', '#msg-f:0');
  add(add(message, 'h3', 'iw'), 'span', 'gD', 'sender');
  add(add(message, 'span', 'hb'), 'span', 'g2', 'to');
  return root;
}

/** Returns how many people the detached message showed (2 while detection reads it right). */
export function warmThreadPath(
  doc: Document,
  findAnchors: (root: ParentNode) => ParticipantAnchor[],
  createHost: (anchor: ParticipantAnchor) => ChipHost,
): number {
  const anchors = findAnchors(detachedMessage(doc));
  for (const anchor of anchors) createHost(anchor).destroy();
  return anchors.length;
}
