/**
 * Our controls in Gmail's page (the email-logging toggle, "Log this email", its Deal menu) take a
 * click only while they are drawn as we drew them (lib/shared/visible-input.ts): nothing Gmail's
 * page put on the host, nothing fading, filtering, clipping or distorting it or anything around
 * it, nothing over it where the pointer is, and, for a pointer, unmoved for a moment. Otherwise
 * page script could make "Log to Vivre" invisible, or slide it under the rep's pointer, and have
 * the rep's own click turn it on.
 *
 * Every check runs at the rep's input, in this isolated world, whose `getComputedStyle` and
 * `elementFromPoint` page script cannot patch. Chromium adds IntersectionObserver v2: `isVisible`
 * is false while anything covers the host or changes how it is drawn, even what these checks
 * cannot see (an overlay that lets the pointer through). Firefox has no v2; there the checks
 * stand alone.
 *
 * v2 hit-tests the page at every frame for each host it watches (11-16 ms of the thread bench's
 * 5,000 mutations, with no pointer anywhere), so it watches only while the rep could be about to
 * act: while the pointer has moved in the last few seconds, or while the host has the focus. A
 * press on a host v2 has not looked at since it started watching again is refused (the rep
 * presses again a moment later), so nothing that happened while it was not watching goes unseen.
 */
import {
  drawsAsIs,
  hasVisibilityV2,
  isOwnHostAttribute,
  isSteady,
  TRACK_VISIBILITY,
} from '../shared/visible-input';

/** How long v2 goes on watching after the pointer last moved. */
export const WATCHED_AFTER_MOVE_MS = 5000;

/** IntersectionObserver v2's entry, which TypeScript's DOM types do not have yet. */
export type VisibilityEntry = IntersectionObserverEntry & { isVisible?: boolean };

/** How long the decision made at a press holds for the clicks it leads to (a label's too). */
const GESTURE_MS = 1000;

// One pointermove listener per document for all our guarded hosts (not one each, which a Gmail
// tab opening views all day would pile up), there while any host is followed.
const followers = new WeakMap<Document, { each: Set<() => void>; moved: () => void }>();

function followPointer(doc: Document, follower: () => void): () => void {
  let following = followers.get(doc);
  if (!following) {
    const each = new Set<() => void>();
    const moved = () => each.forEach((one) => one());
    doc.addEventListener('pointermove', moved, { capture: true, passive: true });
    following = { each, moved };
    followers.set(doc, following);
  }
  const { each, moved } = following;
  each.add(follower);
  return () => {
    if (!each.delete(follower) || each.size > 0) return;
    doc.removeEventListener('pointermove', moved, true);
    followers.delete(doc);
  };
}

export interface VisibleInputGuard {
  /** Whether `event` (trusted, in the host's root) may act. */
  allows(event: Event): boolean;
  /** Stops watching the host (it is being removed). */
  stop(): void;
}

export function guardVisibleInput(host: HTMLElement): VisibleInputGuard {
  const doc = host.ownerDocument;
  let visible = true;
  let box = '';
  let since: number | null = null;
  let press: { at: number; ok: boolean } | null = null;
  // Whether the observer has reported since it (last) started watching: until then, `visible`
  // is what it said before it stopped, which may no longer hold.
  let reported = false;

  /** Where the host is drawn now; `since` starts again whenever it moved or came into view. */
  function note(now: number) {
    const r = host.getBoundingClientRect();
    const at = `${r.left} ${r.top} ${r.width} ${r.height}`;
    if (at !== box || since === null) since = visible ? now : null;
    box = at;
  }

  const observer =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver((entries) => {
          const now = (entries[entries.length - 1] as VisibilityEntry).isVisible !== false;
          // Seen again as it was before v2 stopped watching: it was steady all along as far as
          // anything can tell, and where it is drawn is compared below.
          const unchanged = !reported && now && visible;
          reported = true;
          visible = now;
          if (!unchanged) since = null;
          note(performance.now());
        }, TRACK_VISIBILITY)
      : null;
  const watcher = createWatching(host, observer);
  // v2 did not always report the host seen again once a cover was gone: while it says unseen,
  // the rep's pointer coming (or pressing) asks it for a fresh look.
  const lookAgain = () => {
    if (visible || !observer || !watcher.watching()) return;
    observer.unobserve(host);
    observer.observe(host);
  };
  const watch = () => {
    if (watcher.start()) reported = false;
  };

  // Where the host is, once a frame while the pointer moves anywhere in Gmail, and every tenth
  // of a second while it rests on the host: a move is then known when it happens, so a rep's
  // quick press on a control long in place counts, and so does one on a control that moved (or
  // grew: a Deal menu shows before "Log this email") under a still pointer a while ago.
  // Stops once the host has left the page, or at `stop`.
  let queued = false;
  const unfollow = followPointer(doc, () => {
    if (!host.isConnected) return unfollow();
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      watch();
      note(performance.now());
    });
  });
  let resting: ReturnType<typeof setInterval> | undefined;
  host.addEventListener('pointerenter', () => {
    lookAgain();
    clearInterval(resting);
    resting = setInterval(() => {
      if (host.isConnected) note(performance.now());
      else clearInterval(resting);
    }, 100);
  });
  host.addEventListener('pointerleave', () => clearInterval(resting));

  /** The host as it is, and everything the event passed through, drawn as is. */
  function drawnAsIs(event: Event): boolean {
    if (!visible || [...host.attributes].some((a) => !isOwnHostAttribute(a.name))) return false;
    return event.composedPath().every((node) => {
      if (!(node instanceof Element)) return true;
      const style = getComputedStyle(node);
      // A document without layout (a unit test's) computes none of these.
      return !style.filter || drawsAsIs(style);
    });
  }

  // What a press at (x, y) reaches in the tree our host is in (Gmail's document, or a root of
  // the page's), as the browser hit-tests it: an element over the host takes the press.
  const hitAt = (x: number, y: number) =>
    (host.getRootNode() as Document | ShadowRoot).elementFromPoint(x, y);

  const allows = (event: Event) => {
    const now = performance.now();
    if (watcher.sleeps && (!reported || !watcher.watching())) {
      // v2 has not looked since it started watching again (the pointer rested a while): it
      // looks now, and this press waits for the next.
      watch();
      return false;
    }
    if (event.type === 'pointerdown') {
      const { clientX: x, clientY: y } = event as PointerEvent;
      lookAgain();
      note(now);
      press = {
        at: now,
        ok: drawnAsIs(event) && hitAt(x, y) === host && isSteady(since, now),
      };
      return press.ok;
    }
    // A click the press led to has its verdict; one without a press came from the keyboard,
    // where nothing moves under a pointer.
    if (press && now - press.at < GESTURE_MS) return press.ok;
    return drawnAsIs(event);
  };
  // The rep's focus only: page script dispatching focus events must not keep v2 awake or put
  // it to sleep under a focused control.
  const onFocus = (event: Event) => {
    if (!event.isTrusted) return;
    watcher.focused(event.type === 'focusin');
    watch();
  };
  host.addEventListener('focusin', onFocus);
  host.addEventListener('focusout', onFocus);
  // Not watched from the start: v2 would hit-test the page at every frame for 5 s after each
  // control is drawn (each thread opened; 9 ms of the thread bench), with nobody about to act.
  // The rep's pointer coming, or the focus, starts it (a press before it has looked is refused).
  return {
    allows,
    stop() {
      unfollow();
      watcher.stop();
      clearInterval(resting);
    },
  };
}

/**
 * When v2 watches `host`: from `start()` (the pointer moved, the host took the focus) until
 * WATCHED_AFTER_MOVE_MS after the last, and for as long as the host has the focus. Where the
 * observer has no v2 it watches all the time, as watching costs nothing there.
 */
function createWatching(host: Element, observer: IntersectionObserver | null) {
  // Only v2 (Chromium) costs anything to watch with, and it is known by its entries' isVisible.
  const sleeps = !!observer && hasVisibilityV2();
  let watching = false;
  let focused = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const sleep = () => {
    if (focused) return;
    watching = false;
    observer!.unobserve(host); // it sleeps only where there is one
  };
  const start = (): boolean => {
    if (sleeps) {
      clearTimeout(timer);
      timer = setTimeout(sleep, WATCHED_AFTER_MOVE_MS);
    }
    if (watching || !observer) return false;
    observer.observe(host);
    return (watching = true);
  };
  return {
    /** Whether watching stops at times (v2): only then can `visible` be out of date. */
    sleeps,
    watching: () => watching,
    /** Starts watching, or goes on; true when it was not watching. */
    start,
    focused(now: boolean) {
      focused = now;
    },
    stop() {
      clearTimeout(timer);
      observer?.disconnect();
    },
  };
}
