/**
 * The card takes the rep's pointer, and the keys that press buttons (Enter, Space), only while it
 * is really visible and unmoved, and has been for STEADY_MS (lib/shared/visible-input.ts): Gmail's
 * page script must not be able to fade, cover or slide the card and have the rep's next click,
 * meant for Gmail, land on "Add to Vivre". Two witnesses must agree:
 * - the content script, which placed the frame and watches how it is drawn from Gmail's side
 *   (lib/content/card-host/card-visibility.ts), over the card's private port;
 * - in Chromium, IntersectionObserver v2 from inside the frame: `isVisible` on this document's
 *   root is computed in the top-level page, through every ancestor frame, and is false while
 *   anything covers the card or any effect (opacity, filter, a transform that is no
 *   translation) changes how it is drawn. Firefox has no v2, so there the content script's word
 *   stands alone.
 * Until both agree, presses, clicks and those keys stop at the window before the card sees them,
 * and the page says it is disabled (aria-disabled), so an assistive tool, or a test, waits.
 * Typing, Tab and Escape always work: none of them acts on Vivre.
 *
 * v2 reports a change only at its next look, up to a tenth of a second later, so a sheet laid
 * over the card just before a press would not be known yet. Each press therefore asks v2 for a
 * fresh look (observing the root anew gets one at the next frame). And since the card is in a
 * process of its own, its v2 knows what covers it only once Gmail's page has drawn and sent
 * that across, which a loaded machine may do after the press: each press also asks the content
 * script to look, with v2 in Gmail's page itself (`ask`, answered by `seen`). The click the press
 * leads to waits for both; it goes on (dispatched again by the card itself) only if both saw the
 * card, and is dropped if no answer comes within ANSWER_MS.
 */
import { hasVisibilityV2, isSteady, STEADY_MS, TRACK_VISIBILITY } from '../../shared/visible-input';

const POINTER = [
  'pointerdown',
  'mousedown',
  'pointerup',
  'mouseup',
  'click',
  'dblclick',
  'auxclick',
];
const KEYS = ['keydown', 'keypress', 'keyup'];
/** How long a press waits for the looks it asked for before its click is refused. */
export const ANSWER_MS = 1500;

export interface CardInputGuard {
  /** The content script's word: drawn as placed (again, at a new place), or not. */
  placed(visible: boolean): void;
  /** A new showing, or none: nothing is known of how it is drawn yet. */
  reset(): void;
  /** The content script's answer to the press `ask` told it of. */
  seen(press: number, visible: boolean): void;
  /**
   * Calls `listener` with whether the content script has said the card is not drawn as placed
   * (the page hides, covers or changes it), now and on each change; returns the way to stop.
   */
  watchInterference(listener: (interfered: boolean) => void): () => void;
}

/** `ask(press)` asks the content script to look at the card now and answer `seen(press, …)`. */
export function guardCardInput(win: Window, ask: (press: number) => void): CardInputGuard {
  const doc = win.document;
  let placedSince: number | null = null;
  let interfered = false;
  // Without IntersectionObserver v2 there is no second witness to wait for.
  const hasV2 = hasVisibilityV2();
  let seenSince: number | null = hasV2 ? null : 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<(interfered: boolean) => void>();

  const since = () =>
    placedSince === null || seenSince === null ? null : Math.max(placedSince, seenSince);
  const accepting = () => isSteady(since(), performance.now());

  function update() {
    clearTimeout(timer);
    const ok = accepting();
    if (ok) doc.body.removeAttribute('aria-disabled');
    else doc.body.setAttribute('aria-disabled', 'true');
    const at = since();
    if (!ok && at !== null) timer = setTimeout(update, at + STEADY_MS - performance.now() + 1);
    // Placed, yet unseen by v2: it did not always report the card seen again once a cover was
    // gone, so it is asked for a fresh look now and then until it has.
    else if (placedSince !== null && seenSince === null && observer)
      timer = setTimeout(look, STEADY_MS);
  }

  // v2 watches only while a card is shown: while it watches, Gmail's page hit-tests this frame
  // at every frame it draws (15 ms of the thread bench's 5,000 mutations, with the frame kept
  // warm and nothing shown).
  let watching = false;
  function look() {
    if (!observer) return;
    if (watching) observer.unobserve(root);
    watching = true;
    observer.observe(root);
  }
  function stopLooking() {
    if (watching) observer?.unobserve(root);
    watching = false;
    if (hasV2) seenSince = null;
  }

  function interference(now: boolean) {
    if (now === interfered) return;
    interfered = now;
    listeners.forEach((listener) => listener(now));
  }

  // The last press, its two looks (v2's here, the content script's) and, once both have
  // answered, whether the click it leads to may act; that click is held until then.
  let presses = 0;
  let pressing: {
    press: number;
    at: number;
    looked: boolean;
    gmailSaw: boolean | null;
    ok: boolean | null;
    timeout: ReturnType<typeof setTimeout>;
  } | null = null;
  let held: HTMLElement | null = null;
  let replaying = false;

  function settle() {
    if (!pressing || pressing.ok !== null || !pressing.looked || pressing.gmailSaw === null) return;
    pressing.ok = pressing.gmailSaw && accepting();
    const click = held;
    held = null;
    if (click) clicked(click);
  }

  /** The press's click, held or not: it acts only if both looks saw the card. */
  function clicked(target: HTMLElement) {
    const ok = pressing?.ok === true && accepting();
    if (pressing) clearTimeout(pressing.timeout);
    pressing = null;
    if (!ok) return;
    replaying = true;
    target.click();
    replaying = false;
  }

  const root = doc.documentElement;
  const observer = hasV2
    ? new IntersectionObserver((entries) => {
        const { isVisible, time } = entries[entries.length - 1] as IntersectionObserverEntry & {
          isVisible: boolean;
        };
        seenSince = isVisible ? (seenSince ?? performance.now()) : null;
        // Only a look taken after the press answers for it (an older one may still be queued).
        if (pressing && time >= pressing.at) pressing.looked = true;
        update();
        settle();
      }, TRACK_VISIBILITY)
    : null;

  function pressed() {
    if (pressing) clearTimeout(pressing.timeout);
    const press = ++presses;
    // No answer in time: its click, held or still to come, is refused (the rep presses again).
    const timeout = setTimeout(() => {
      if (pressing?.press !== press || pressing.ok !== null) return;
      pressing.ok = false;
      held = null;
    }, ANSWER_MS);
    pressing = { press, at: performance.now(), looked: false, gmailSaw: null, ok: null, timeout };
    if (watching) look();
    ask(press);
  }

  function stop(event: Event) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  function guard(event: Event) {
    if (replaying) return;
    const { key } = event as KeyboardEvent;
    if (key !== undefined && key !== 'Enter' && key !== ' ') return;
    // v2 did not always report the card seen again once a cover was gone: a press on a card it
    // calls unseen asks it for a fresh look too, so the next press can count.
    if (observer && event.type === 'pointerdown' && (accepting() || seenSince === null)) {
      pressed();
    }
    if (!accepting()) return stop(event);
    // A click the keyboard made (Enter or Space on a button: `detail` 0) follows no press.
    if (pressing && event.type === 'click' && (event as MouseEvent).detail > 0) {
      stop(event);
      if (pressing.ok === null) held = event.target as HTMLElement;
      else clicked(event.target as HTMLElement);
    }
  }
  for (const type of [...POINTER, ...KEYS]) win.addEventListener(type, guard, { capture: true });
  update();

  return {
    placed(visible) {
      placedSince = visible ? performance.now() : null;
      if (visible && !watching) look();
      interference(!visible);
      update();
    },
    reset() {
      placedSince = null;
      stopLooking();
      interference(false);
      update();
    },
    seen(press, visible) {
      if (pressing?.press !== press) return;
      pressing.gmailSaw = visible;
      settle();
    },
    watchInterference(listener) {
      listeners.add(listener);
      listener(interfered);
      return () => listeners.delete(listener);
    },
  };
}
