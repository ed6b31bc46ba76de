import { useLayoutEffect, useState } from 'preact/hooks';

/**
 * False on a component's first render and true from the next animation frame, or true at once
 * when `now`. What a page renders behind it still reaches the screen in the same first paint
 * (a frame runs its animation-frame callbacks before its style, layout and paint), but after the
 * part rendered first: the popup's contact box has focus and takes keys that much sooner, while
 * the rest of the form is being drawn. Measured in docs/BENCHMARKS.md.
 */
export function useNextFrame(now = false): boolean {
  const [reached, setReached] = useState(now);
  useLayoutEffect(() => {
    if (reached) return;
    const frame = requestAnimationFrame(() => setReached(true));
    return () => cancelAnimationFrame(frame);
  }, []);
  return reached;
}
