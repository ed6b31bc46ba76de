/**
 * Light or dark, as Gmail paints itself, never as the operating system prefers: Gmail keeps its
 * light theme on a dark-mode OS unless the rep picks otherwise, and our chips must match Gmail.
 *
 * The signals, in order, each a computed colour read once per navigation (never per chip):
 *  1. the opaque background behind messages (InboxSDK reads div.bkK > div.nH the same way);
 *  2. the text colour Gmail sets for its theme: light text means a dark theme. It survives a
 *     theme with a background image, whose surfaces are transparent (InboxSDK tells a dark theme
 *     by a left-nav entry's text colour for exactly that reason);
 *  3. the page's own background, when opaque;
 *  4. light, Gmail's default.
 */
import { queryNewestFirst } from './query';
import { THEME_SURFACE, THEME_TEXT } from './selectors';

export type Theme = 'light' | 'dark';

export function detectTheme(doc: Document): Theme {
  try {
    const view = doc.defaultView;
    if (!view) return 'light';
    const surface = queryNewestFirst(doc, THEME_SURFACE)[0];
    const behind = surface && opaque(view.getComputedStyle(surface).backgroundColor);
    if (behind) return luminance(behind) < 0.5 ? 'dark' : 'light';
    const text = queryNewestFirst(doc, THEME_TEXT)[0] ?? doc.body;
    const ink = text && opaque(view.getComputedStyle(text).color);
    if (ink) return luminance(ink) > 0.5 ? 'dark' : 'light';
    const page = doc.body && opaque(view.getComputedStyle(doc.body).backgroundColor);
    if (page) return luminance(page) < 0.5 ? 'dark' : 'light';
  } catch {
    // A page that cannot be read is painted light, as Gmail is by default.
  }
  return 'light';
}

type Rgb = [number, number, number];

/** The colour when it is mostly opaque ("rgb(…)", "rgba(…, a)"), else null. */
function opaque(colour: string | undefined): Rgb | null {
  const [r, g, b, alpha = 1] = colour?.match(/[\d.]+/g)?.map(Number) ?? [];
  if (r === undefined || g === undefined || b === undefined || alpha < 0.5) return null;
  return [r, g, b];
}

function luminance([r, g, b]: Rgb): number {
  return (0.299 * r + 0.587 * g + 0.114 * b) / 255;
}
