/**
 * The words an element of ours in Gmail shows, as the rep reads them: its text and the words
 * drawn from `data-words` attributes (components/gmail/Words.tsx), in document order. Our roots
 * draw what they show from attributes, so `textContent` alone reads nothing there.
 */
export function drawnWords(element: Element | null | undefined): string | undefined {
  if (!element) return undefined;
  let words = '';
  const walk = (node: Node) => {
    if (node.nodeType === 3) words += node.textContent;
    if (node.nodeType !== 1) return;
    node.childNodes.forEach(walk);
    words += (node as Element).getAttribute('data-words') ?? '';
  };
  walk(element);
  return words;
}
