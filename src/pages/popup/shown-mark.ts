/**
 * Marks the moment the browser first shows this page. Chrome keeps a toolbar popup hidden until
 * it has loaded, then sizes it and shows it once the page's main thread is free: that, more than
 * the form being ready inside the hidden page, is when a rep sees it. bench/popup.ts reads both.
 */
export function markWhenShown(name: string, doc: Document = document): void {
  if (!doc.hidden) {
    performance.mark(name);
    return;
  }
  doc.addEventListener('visibilitychange', () => performance.mark(name), { once: true });
}
