/**
 * An expanded message as Gmail draws it, built outside the document for the thread path's
 * warm-up (../chips/warm-up.ts): the attributes every redesign kept, and the 2025 classes
 * selectors.ts reads first. A sender in the heading and a recipient on the line, each at an
 * address reserved for documentation (RFC 2606). Kept beside the selectors it must match:
 * tests/unit/lib/content/chips/warm-up.test.ts checks that detection still reads both people.
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
