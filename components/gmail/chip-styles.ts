/**
 * The chip's CSS, injected into each chip's shadow root as a <style> element. `all: initial`
 * stops Gmail's inherited styles coming in; the shadow root stops ours going out. The host's
 * `data-theme` (set from Gmail's own background) picks light or dark. The card's CSS is the
 * card page's own (entrypoints/card/style.css). Colours and font come from the design tokens.
 * The host's declarations are important, so nothing Gmail's page sets on it applies (a root's
 * important declarations win over the page's, even inline ones); the chip is one width whatever
 * it shows, and its words are drawn from attributes (chip.ts).
 *
 * The host is that one size itself, with size, layout and style containment: a long thread has
 * hundreds of chips, and Gmail's page changes around them many times a second; a box whose size
 * is known without its insides is one the browser never lays out again, or asks for its
 * intrinsic size, when Gmail's lines reflow (bench/main-thread.ts). Not paint containment: it
 * would clip the focus ring, drawn outside the button, and measured slower (a paint layer each).
 * Nor only size and style: without layout containment the thread page's ratio was no better
 * (1.090x and 1.091x TaskDuration, 1.114x and 1.117x ThreadTime, against 1.075x / 1.086x and
 * 1.097x / 1.094x for this CSS, the two builds' runs of bench/main-thread.ts in alternation,
 * 2026-12-07). Nor without `all: initial`, asked whether its ~500 declarations cost each style
 * recalculation: 1.072x, 1.059x, 1.122x and 1.106x TaskDuration without it, 1.116x, 1.078x and
 * 1.091x with it, in alternation the same day; and it is what keeps the page's styles off the host.
 */
import { HOST_FONT, hostColorCss } from '../common/design/tokens';
import { SCORE_BAND_CSS, SCORE_CHIP_COLORS } from './score-band-css';
import { WORDS_CSS } from './words-css';

/** The chip's one size, whatever it shows: the host's box and the button's alike. */
const CHIP_SIZE = { width: '44px', height: '18px' };

export const CHIP_CSS = `${hostColorCss({
  fg: 'on-surface',
  line: 'outline-variant',
  accent: 'primary-text',
  muted: 'on-surface-variant',
  ...SCORE_CHIP_COLORS,
})}
:host {
  all: initial !important;
  display: inline-block !important;
  vertical-align: middle !important;
  width: ${CHIP_SIZE.width} !important;
  height: ${CHIP_SIZE.height} !important;
  contain: size layout style !important;
  margin: 0 4px !important;
  font: ${HOST_FONT} !important;
  color: var(--fg) !important;
}
:host([hidden]) { display: none !important; }
* { box-sizing: border-box; }
button { font: inherit; color: inherit; cursor: pointer; border: 1px solid var(--line); background: var(--chip); }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.chip { display: inline-flex; align-items: center; justify-content: center; width: ${CHIP_SIZE.width}; height: ${CHIP_SIZE.height}; padding: 0; border-radius: 9px; font-size: 11px; font-weight: 600; line-height: 1; }
.gap { visibility: hidden; }
${WORDS_CSS}
.face.loading { width: 8px; height: 8px; border-radius: 50%; background: var(--line); }
.face.add { color: var(--accent); }
.face.error { color: var(--muted); }
.face.skipped { width: 6px; height: 6px; border-radius: 50%; background: var(--line); }
.score { font-weight: 700; }
${SCORE_BAND_CSS}
`;
