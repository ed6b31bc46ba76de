import type { WatchNearViewport } from '@/lib/content/near-viewport';

/**
 * Elements come near the viewport when the test says, as an IntersectionObserver reports a scroll
 * (happy-dom has no layout: its own observer never reports). `waiting` is what is observed now.
 */
export function scrolledByHand() {
  const waiting = new Set<Element>();
  let report: (elements: Element[]) => void = () => {};
  const watchNear: WatchNearViewport = (onNear) => {
    report = onNear;
    return {
      observe: (element) => waiting.add(element),
      unobserve: (element) => waiting.delete(element),
      disconnect: () => waiting.clear(),
    };
  };
  return {
    watchNear,
    waiting,
    /** Reports `element` near, observed or not: a report can race the removal that unobserves it. */
    scrollTo(element: Element) {
      waiting.delete(element);
      report([element]);
    },
  };
}
