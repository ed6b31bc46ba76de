/**
 * Keeps the toolbar popup from being shown before its form is ready. Chrome shows a toolbar
 * popup once its page has finished loading, and the load waits for the page's scripts but not
 * for what they wait on: when the popup's first storage read came back after the load (1–6 in
 * 40 opens on the 2-core machine, bench/popup.ts), the rep saw an empty popup that then grew.
 * A script the page adds holds its load until that script has run, so a chain of them (each
 * adding the next once it has run) holds the load, and with it the showing, until the form is
 * ready; the chain then stops, and the load follows the last one. Each is an empty file from the
 * extension (public/popup-hold.js), fetched under its own query so no cache answers it at once.
 * A hidden frame held open did the same, but making it cost ~10 ms of the popup's main thread
 * on the 2-core machine, in about half the opens (those whose read is not back when the form's
 * script runs); a script tag costs next to nothing while the read comes back. A limit keeps a
 * read that never answers from keeping the popup from ever showing.
 */

/** Longest the popup is held back: past this it is shown as it is. */
export const HOLD_LIMIT_MS = 1500;

/** The empty script each link of the chain loads. */
export const HOLD_SCRIPT = '/popup-hold.js';

let release: (() => void) | null = null;

/** Holds this page's load event until `releaseHold` or `limitMs`, if it has not fired yet. */
export function holdUntilReady(
  doc: Document | undefined = globalThis.document,
  limitMs: number = HOLD_LIMIT_MS,
): void {
  if (release || !doc?.head || doc.readyState === 'complete') return;
  let holding = true;
  let link = 0;
  const holdOnce = () => {
    const script = doc.createElement('script');
    script.src = `${HOLD_SCRIPT}?${link++}`;
    // Added before this one lets go of the load (it has run when these fire), so no gap opens.
    script.onload = script.onerror = () => {
      script.remove();
      if (holding) holdOnce();
    };
    doc.head.append(script);
  };
  const timer = setTimeout(() => releaseHold(), limitMs);
  release = () => {
    holding = false;
    clearTimeout(timer);
  };
  holdOnce();
}

/** Lets the page finish loading (and Chrome show it); nothing if it is not held. */
export function releaseHold(): void {
  const held = release;
  release = null;
  held?.();
}
