/**
 * The chip's CSS, injected into each chip's shadow root as a <style> element. `all: initial`
 * stops Gmail's inherited styles coming in; the shadow root stops ours going out. The host's
 * `data-theme` (set from Gmail's own background) picks light or dark. The card's CSS is the
 * card page's own (entrypoints/card/style.css). Colours and font come from the design tokens.
 */
import { HOST_FONT, hostColorCss } from '../common/design/tokens';
import { SCORE_BAND_CSS, SCORE_CHIP_COLORS } from './score-band-css';

export const CHIP_CSS = `${hostColorCss({
  fg: 'on-surface',
  line: 'outline-variant',
  accent: 'primary-text',
  muted: 'on-surface-variant',
  ...SCORE_CHIP_COLORS,
})}
:host {
  all: initial;
  display: inline-block;
  vertical-align: middle;
  margin: 0 4px;
  font: ${HOST_FONT};
  color: var(--fg);
}
:host([hidden]) { display: none !important; }
* { box-sizing: border-box; }
button { font: inherit; color: inherit; cursor: pointer; border: 1px solid var(--line); background: var(--chip); }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.chip { display: inline-flex; align-items: center; min-width: 20px; height: 18px; padding: 0 6px; border-radius: 9px; font-size: 11px; font-weight: 600; line-height: 1; }
.face.loading { width: 8px; height: 8px; border-radius: 50%; background: var(--line); }
.face.add { color: var(--accent); }
.face.error { color: var(--muted); }
.face.skipped { width: 6px; height: 6px; border-radius: 50%; background: var(--line); }
.score { font-weight: 700; }
${SCORE_BAND_CSS}
`;
