/**
 * Keeps the toolbar popup from being shown before its form is ready. Chrome shows a toolbar
 * popup once its page has finished loading, and the load waits for the page's scripts but not
 * for what they wait on: when the popup's first storage read came back after the load (1–6 in
 * 40 opens on the 2-core machine, bench/popup.ts), the rep saw an empty popup that then grew.
 * A page's load also waits for its frames, and a frame whose document is open (document.open()
 * without close()) is still loading: one such hidden frame, closed the moment the form is ready,
 * holds the load, and with it the showing, exactly as long as needed. A limit keeps a read that
 * never answers from keeping the popup from ever showing. Measured with the hold: 0 of 40 opens
 * painted before the form was ready, by the browser's first-paint entry.
 */

/** Longest the popup is held back: past this it is shown as it is. */
export const HOLD_LIMIT_MS = 1500;

let release: (() => void) | null = null;

/** Holds this page's load event until `releaseHold` or `limitMs`, if it has not fired yet. */
export function holdUntilReady(
  doc: Document | undefined = globalThis.document,
  limitMs: number = HOLD_LIMIT_MS,
): void {
  if (release || !doc?.body || doc.readyState === 'complete') return;
  const frame = doc.createElement('iframe');
  frame.hidden = true;
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  doc.body.append(frame);
  const held = frame.contentDocument;
  held?.open();
  const timer = setTimeout(() => releaseHold(), limitMs);
  release = () => {
    clearTimeout(timer);
    held?.close();
    frame.remove();
  };
}

/** Lets the page finish loading (and Chrome show it); nothing if it is not held. */
export function releaseHold(): void {
  const held = release;
  release = null;
  held?.();
}
