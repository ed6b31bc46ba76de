/**
 * Runs `run` in the tab's first idle period after its next frame is painted. Work that draws
 * nothing (making the card's frame) may find an idle period between an answer and the frame
 * that paints it: run there, it held that frame back (bench/chips.ts, cold: 90 ms to 40 ms).
 */
export function idleAfterPaint(view: Window, run: () => void): void {
  view.requestAnimationFrame(() =>
    view.setTimeout(() =>
      view.requestIdleCallback ? view.requestIdleCallback(run, { timeout: 2000 }) : run(),
    ),
  );
}
