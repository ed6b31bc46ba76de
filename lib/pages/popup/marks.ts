/**
 * The popup's performance marks, declared once for the popup and bench/popup.ts, which
 * reads them: interactive, set once the form is drawn from local state and the contact box has
 * the focus (services.ts), and shown, when the browser first shows the page (markWhenShown).
 */
export const POPUP_MARKS = {
  interactive: 'vivre-popup-interactive',
  shown: 'vivre-popup-shown',
  /** The page's first, small script runs and asks for the read (./local-at-open.ts). */
  start: 'vivre-popup-start',
  /** The form's script (Preact and the form) has loaded and runs: entrypoints/popup/main.tsx. */
  script: 'vivre-popup-script',
  /** The first read of storage is back (./local-at-open.ts): what the form waits for. */
  read: 'vivre-popup-read',
} as const;

/**
 * Marks the moment the browser first shows this page. Chrome keeps a toolbar popup hidden until
 * it has loaded, then sizes it and shows it once the page's main thread is free: that, more than
 * the form being ready inside the hidden page, is when a rep sees it.
 */
export function markWhenShown(name: string = POPUP_MARKS.shown, doc: Document = document): void {
  if (!doc.hidden) {
    performance.mark(name);
    return;
  }
  doc.addEventListener('visibilitychange', () => performance.mark(name), { once: true });
}
