/**
 * Which of the elements handed to it come near the viewport, so a chip or a control is drawn
 * only for what the rep can scroll to soon (chips: ./chips/waiting-room.ts; "Log this email":
 * ./email-logging/message-logging.ts). Drawing "Log this email" on each of a long thread's 100
 * messages at once was most of what the extension added to Gmail's main thread under the
 * 5,000-mutation benchmark (bench/main-thread.ts): every host is one more shadow root to style
 * and lay out, and one more target of its visibility guard (./visible-input.ts), whose
 * IntersectionObserver v2 checks occlusion every frame. One observer serves every element.
 */

/** A screen above and below the one shown: a control is in place before the rep scrolls to it. */
const NEAR = { rootMargin: '100% 0px' };

export interface NearViewport {
  /** Reports `element` once, the first time it is near the viewport (now, if it is). */
  observe(element: Element): void;
  /** Stops waiting for `element` (it left the page, or is no longer wanted). */
  unobserve(element: Element): void;
  disconnect(): void;
}

/** `onNear` gets, per observer turn, the elements that came near; each is reported once. */
export type WatchNearViewport = (onNear: (elements: Element[]) => void) => NearViewport;

export const watchNearViewport: WatchNearViewport = (onNear) => {
  if (typeof IntersectionObserver !== 'function') return everyElementNear(onNear);
  const observer = new IntersectionObserver((entries) => {
    const near = entries.filter((entry) => entry.isIntersecting).map((entry) => entry.target);
    for (const element of near) observer.unobserve(element);
    if (near.length > 0) onNear(near);
  }, NEAR);
  return {
    observe: (element) => observer.observe(element),
    unobserve: (element) => observer.unobserve(element),
    disconnect: () => observer.disconnect(),
  };
};

/**
 * Every element is near, reported together at the end of the task that observed them: where
 * there is no IntersectionObserver, and for documents without layout (unit tests: happy-dom's
 * observer never reports).
 */
export const everyElementNear: WatchNearViewport = (onNear) => {
  const pending = new Set<Element>();
  let queued = false;
  const flush = () => {
    queued = false;
    const near = [...pending];
    pending.clear();
    if (near.length > 0) onNear(near);
  };
  return {
    observe(element) {
      pending.add(element);
      if (!queued) queueMicrotask(flush);
      queued = true;
    },
    unobserve: (element) => pending.delete(element),
    disconnect: () => pending.clear(),
  };
};
