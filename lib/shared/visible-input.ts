/**
 * When our controls in Gmail take the rep's input: only while they are drawn as we drew them,
 * unmoved, for a moment. Gmail's page script can restyle, cover or move everything around our
 * hosts (and the hosts themselves), so that a click meant for Gmail lands on "Add to Vivre" or
 * "Log to Vivre" in an invisible or displaced control (clickjacking). These are the rules, pure;
 * the content script applies them to its controls (lib/content/visible-input.ts) and to the
 * card's frame (lib/content/card-host/card-visibility.ts), and the card page to itself
 * (lib/pages/card/input-guard.ts), with IntersectionObserver v2 where the browser has it.
 */

/**
 * How long a control must have been visible and unmoved before a pointer on it counts: long
 * enough that what the rep clicks is what the rep saw, short enough that no rep waits for it
 * (browsers hold their own permission prompts' buttons about as long).
 */
export const STEADY_MS = 500;

/**
 * IntersectionObserver v2's options: `isVisible` on every entry, looked at no more often than
 * every 100 ms (its minimum). Browsers without v2 (Firefox) ignore them.
 */
export const TRACK_VISIBILITY = { trackVisibility: true, delay: 100 } as IntersectionObserverInit;

/** Whether this browser's IntersectionObserver is v2 (Chromium): its entries say `isVisible`. */
export const hasVisibilityV2 = (): boolean =>
  'isVisible' in (globalThis.IntersectionObserverEntry?.prototype ?? {});

/** Whether a control visible and unmoved `since` (null: not now) takes input at `now`. */
export function isSteady(since: number | null, now: number): boolean {
  return since !== null && now - since >= STEADY_MS;
}

/**
 * Attributes our hosts carry (lib/content/shadow-host.ts); any other one was put there by the
 * page (a `style`, a `class`), and the host takes no input until it is gone.
 */
export function isOwnHostAttribute(name: string): boolean {
  return /^(data-vivre-.+|data-theme|popover)$/.test(name);
}

/** The computed styles that can hide, fade, clip or distort what an element draws. */
export type DrawingStyle = Pick<
  CSSStyleDeclaration,
  | 'opacity'
  | 'filter'
  | 'transform'
  | 'scale'
  | 'rotate'
  | 'clipPath'
  | 'clip'
  | 'maskImage'
  | 'mixBlendMode'
  | 'zoom'
>;

// `none`, or a matrix that only translates, as browsers compute it (2D, or 3D for a layer hint
// such as Gmail's `translateZ(0)`).
const TRANSLATION =
  /^(none|matrix\(1, 0, 0, 1, [^,]+, [^,]+\)|matrix3d\(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0(, [^,]+){3}, 1\))$/;

/**
 * Whether an element, with these computed styles, draws its content as it is: fully opaque,
 * unfiltered, unclipped, unblended, at its own size. A translation only moves it (which the
 * steadiness rule is for); any other transform, scale or rotation distorts it.
 */
export function drawsAsIs(style: DrawingStyle): boolean {
  return (
    style.opacity === '1' &&
    style.filter === 'none' &&
    TRANSLATION.test(style.transform) &&
    style.scale === 'none' &&
    style.rotate === 'none' &&
    style.clipPath === 'none' &&
    style.clip === 'auto' &&
    style.maskImage === 'none' &&
    style.mixBlendMode === 'normal' &&
    // Older browsers compute no zoom at all.
    (style.zoom === '1' || !style.zoom)
  );
}

/** Whether `drawn` (getBoundingClientRect) is, to the pixel, the box we placed. */
export function isWherePlaced(
  drawn: { top: number; left: number; width: number; height: number },
  placed: { top: number; left: number; width: number; height: number },
): boolean {
  return (['top', 'left', 'width', 'height'] as const).every(
    (side) => Math.abs(drawn[side] - placed[side]) < 1,
  );
}
