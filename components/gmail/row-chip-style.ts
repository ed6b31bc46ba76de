/**
 * The look of list-row chips and hot-lead marks, built once per page and shared by every host.
 * A page of 100 rows would otherwise parse 100 `<style>` elements: one constructable stylesheet,
 * adopted by each shadow root, costs one parse. Where adopting fails (Firefox refuses a sheet
 * built in a content script's world for a page's shadow root), each host gets a `<style>`.
 *
 * Hosts are fixed-size boxes with `contain: strict`: whatever a chip shows (loading, a score,
 * nothing to show) it never changes the width of Gmail's row, its own rendering never makes
 * Gmail's layout recalculate beyond the box, and page script measuring it learns nothing.
 * The host's declarations are important, so nothing Gmail's page sets on it applies. The score
 * is drawn from an attribute inside the root (./Words.tsx), never as text: window.find()
 * matches text, even in closed roots.
 */
import { FONT, hostColorCss } from '../common/design/tokens';
import { SCORE_BAND_CSS, SCORE_CHIP_COLORS } from './score-band-css';
import { WORDS_CSS } from './words-css';

export const ROW_CHIP_CSS = `${hostColorCss(SCORE_CHIP_COLORS)}
:host {
  all: initial !important;
  display: inline-block !important;
  vertical-align: middle !important;
  contain: strict !important;
  width: 24px !important;
  height: 14px !important;
  margin: 0 2px 0 4px !important;
  font: 600 10px/14px ${FONT} !important;
}
.chip { display: block; width: 100%; height: 100%; border-radius: 7px; background: var(--chip); text-align: center; }
${WORDS_CSS}
${SCORE_BAND_CSS}
/* Nobody to score (not in Vivre, not looked up, no answer): the box stays, blank, so the row
   never shifts; an empty outlined pill read as something broken. The name inside says why. */
.none, .loading { background: transparent; }
:host(vivre-hot-lead) { width: 4px !important; height: 16px !important; margin: 0 !important; }
.mark { display: block; width: 100%; height: 100%; border-radius: 2px; background: var(--hot); }
`;

let shared: CSSStyleSheet | null | undefined;

/** The page's one sheet, or null where constructable sheets are not available. */
function sharedSheet(): CSSStyleSheet | null {
  if (shared !== undefined) return shared;
  try {
    shared = new CSSStyleSheet();
    shared.replaceSync(ROW_CHIP_CSS);
  } catch {
    shared = null;
  }
  return shared;
}

/** Gives `shadow` the row-chip styles: the shared sheet, or its own `<style>` as a fallback. */
export function styleRowShadow(shadow: ShadowRoot): void {
  const sheet = sharedSheet();
  if (sheet) {
    try {
      shadow.adoptedStyleSheets = [sheet];
      return;
    } catch {
      // Fall through to a <style> of its own.
    }
  }
  const style = shadow.ownerDocument.createElement('style');
  style.textContent = ROW_CHIP_CSS;
  shadow.append(style);
}
