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
const A_SCREEN_AHEAD = '100% 0px';
/**
 * A quarter screen (four or five rows): every list row with chips is two more shadow roots Gmail
 * styles, lays out and pre-paints whenever it changes the list, and with a screen's margin a list
 * carried three screens of them (the inbox bench's main thread: 1.38-1.53x with a screen ahead,
 * 1.15-1.21x with none). A row is small and scrolled a few at a time.
 */
const A_QUARTER_SCREEN_AHEAD = '25% 0px';

/**
 * How often the browser checks an element already watched, at most: an element is checked at the
 * first frame after it is watched, then no more than once in this many ms (one not checked for
 * that long is checked at once). Unthrottled, Chromium checked all of a long thread's 80-odd
 * waiting messages at every frame Gmail changed: 116 rounds of checks in the 5,000-mutation run,
 * 16.0 ms of IntersectionObserverController::computeIntersections; with 100 ms, 9.4 ms (medians of
 * 5 + 5 Chromium traces of bench/main-thread.ts's page, the two builds in alternation, taken by
 * hand on 2026-12-06). What is watched is a screen away (a row: a quarter screen, then its dwell,
 * ./chips/row-chips.ts), so a tenth of a second later is still before the rep scrolls to it. The
 * spec's `delay` applies to any observer (`trackVisibility` only raises it to 100); Chromium
 * implements it, and a browser that does not (Firefox) ignores the option and checks every frame.
 */
export const NEAR_CHECK_DELAY_MS = 100;

export interface NearViewport {
  /** Reports `element` once, the first time it is near the viewport (now, if it is). */
  observe(element: Element): void;
  /** Stops waiting for `element` (it left the page, or is no longer wanted). */
  unobserve(element: Element): void;
  disconnect(): void;
}

/** `onNear` gets, per observer turn, the elements that came near; each is reported once. */
export type WatchNearViewport = (onNear: (elements: Element[]) => void) => NearViewport;

/**
 * Every watcher of one margin shares one observer, and an element watched by several (a
 * message's chips and its "Log this email") is observed once: the browser checks each observed
 * element as the page changes (every frame, before NEAR_CHECK_DELAY_MS), which was 1 ms a frame
 * on a long thread whose 375 waiting elements each had their own observation (bench/main-thread.ts).
 */
interface Watcher {
  onNear: (elements: Element[]) => void;
  mine: Set<Element>;
}

function sharedObserver(rootMargin: string) {
  const watchers = new Map<Element, Set<Watcher>>();
  const observer = new IntersectionObserver(
    (entries) => {
      const came = new Map<Watcher, Element[]>();
      for (const entry of entries) {
        const waiting = entry.isIntersecting ? watchers.get(entry.target) : undefined;
        if (!waiting) continue;
        watchers.delete(entry.target);
        observer.unobserve(entry.target);
        for (const watcher of waiting) {
          watcher.mine.delete(entry.target);
          const list = came.get(watcher);
          if (list) list.push(entry.target);
          else came.set(watcher, [entry.target]);
        }
      }
      for (const [watcher, elements] of came) watcher.onNear(elements);
    },
    { rootMargin, delay: NEAR_CHECK_DELAY_MS } as IntersectionObserverInit,
  );
  return { observer, watchers };
}

/** Watchers of elements that come within `rootMargin` of the viewport, sharing one observer. */
function watchWithin(rootMargin: string): WatchNearViewport {
  let shared: ReturnType<typeof sharedObserver> | null = null;
  return (onNear) => {
    if (typeof IntersectionObserver !== 'function') return everyElementNear(onNear);
    const { observer, watchers } = (shared ??= sharedObserver(rootMargin));
    const watcher: Watcher = { onNear, mine: new Set() };
    const unobserve = (element: Element) => {
      if (!watcher.mine.delete(element)) return;
      const waiting = watchers.get(element);
      waiting?.delete(watcher);
      if (waiting?.size !== 0) return;
      watchers.delete(element);
      observer.unobserve(element);
    };
    return {
      observe(element) {
        if (watcher.mine.has(element)) return;
        watcher.mine.add(element);
        const waiting = watchers.get(element);
        if (waiting) return void waiting.add(watcher);
        watchers.set(element, new Set([watcher]));
        observer.observe(element);
      },
      unobserve,
      disconnect: () => [...watcher.mine].forEach(unobserve),
    };
  };
}

/** A thread's messages and a compose's fields: a screen ahead. */
export const watchNearViewport: WatchNearViewport = watchWithin(A_SCREEN_AHEAD);

/** List rows: a quarter screen ahead. */
export const watchRowsNearViewport: WatchNearViewport = watchWithin(A_QUARTER_SCREEN_AHEAD);

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
