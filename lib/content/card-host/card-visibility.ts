/**
 * While the card is open, whether it is drawn as we placed it, told to the card, which takes no
 * input otherwise (lib/pages/card/input-guard.ts): Gmail's page script must not make the card
 * invisible, or slide it, and let the rep's next click land on "Add to Vivre".
 *
 * The card's host is in the top layer (a manual popover), so nothing an ancestor does (opacity,
 * filter, transform, clip-path, mask, visibility: tried in both browsers) touches it, and only
 * another top-layer element can be drawn over it; its own styles are important in its root.
 * What is left to check, each quarter second and whenever the host's attributes change:
 * - the host is still in the top layer and carries only our attributes (a `style` put on it,
 *   even one the root overrides, stops input until it is gone);
 * - the frame is where and as big as we placed it (a zoom, a scale, a move not ours);
 * - the browser's hit test finds our host at the frame's middle and corners (nothing that takes
 *   the pointer is over it), and no other top-layer element page script can name overlaps it.
 * A new place (a scroll) is told too, so the card's steady clock starts again.
 *
 * What this cannot see: an overlay that lets the pointer through, inside a closed root of the
 * page's, in the top layer. Chromium's IntersectionObserver v2 sees it: the card page's watches
 * while a card is shown, and at each press the card asks for `look()`, v2's fresh look from
 * this page (the card's own learns of Gmail's page only when that page has sent it across
 * processes). Firefox has no v2.
 */
import { isOwnHostAttribute, isWherePlaced, TRACK_VISIBILITY } from '../../shared/visible-input';
import type { VisibilityEntry } from '../visible-input';

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

const CHECK_MS = 250;
// Far enough inside the frame's rounded corners to be on the frame.
const INSET = 12;

const overlaps = (a: Box, b: Box) =>
  a.left < b.left + b.width &&
  b.left < a.left + a.width &&
  a.top < b.top + b.height &&
  b.top < a.top + a.height;

/** Puts the card's host in the top layer, or back there should page script have taken it out. */
export function keepOnTop(host: HTMLElement) {
  host.setAttribute('popover', 'manual');
  try {
    if (!host.matches(':popover-open')) host.showPopover();
  } catch {
    // Off the page, or no longer a popover (page script's doing): the watch refuses input.
  }
}

/** Watches until `stop()`; `tell(visible)` each time the verdict or the drawn place changes. */
export function watchCardDrawing(
  host: HTMLElement,
  frame: HTMLIFrameElement,
  placed: () => Box,
  tell: (visible: boolean) => void,
) {
  const doc = host.ownerDocument;
  let told: string | null = null;

  function drawnAsPlaced(box: DOMRect): boolean {
    if (!host.matches(':popover-open')) return false;
    if ([...host.attributes].some((a) => !isOwnHostAttribute(a.name))) return false;
    if (!isWherePlaced(box, placed())) return false;
    const [x0, y0] = [box.left + INSET, box.top + INSET];
    const [x1, y1] = [box.right - INSET, box.bottom - INSET];
    const points = [
      [(x0 + x1) / 2, (y0 + y1) / 2],
      [x0, y0],
      [x1, y0],
      [x0, y1],
      [x1, y1],
    ];
    if (points.some(([x, y]) => doc.elementFromPoint(x!, y!) !== host)) return false;
    return ![...doc.querySelectorAll(':modal, :popover-open, :fullscreen')].some(
      (other) => other !== host && overlaps(other.getBoundingClientRect(), box),
    );
  }

  function check() {
    const box = frame.getBoundingClientRect();
    // A new place restarts the card's steady clock; growing downwards, with the top where it
    // was, moves nothing the rep may be pointing at.
    const now = drawnAsPlaced(box) ? `${box.left} ${box.top} ${box.width}` : '';
    if (now === told) return;
    told = now;
    tell(now !== '');
  }

  /**
   * Whether the card is drawn as placed at the next frame: these checks and, in Chromium, a
   * fresh look by IntersectionObserver v2 (observing anew gets one; it watches only this once,
   * as it hit-tests the page at every frame it watches).
   */
  function look(): Promise<boolean> {
    return new Promise((resolve) => {
      const observer = new IntersectionObserver((entries) => {
        observer.disconnect();
        const { isVisible } = entries[entries.length - 1] as VisibilityEntry;
        resolve(isVisible !== false && drawnAsPlaced(frame.getBoundingClientRect()));
      }, TRACK_VISIBILITY);
      observer.observe(frame);
    });
  }

  const observer = new MutationObserver(check);
  observer.observe(host, { attributes: true });
  const timer = setInterval(check, CHECK_MS);
  check();
  return {
    check,
    look,
    stop() {
      observer.disconnect();
      clearInterval(timer);
      if (told) tell(false);
      told = null;
    },
  };
}
