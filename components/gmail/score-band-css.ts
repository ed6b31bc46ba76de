/**
 * How a score looks in both of Gmail's chips (beside a name, and in a list row): the chip's fill
 * and one colour per band of lib/shared/score-band.ts, on the class `band-<band>` the chips
 * render, so the two chips can never colour the same score differently.
 */
import type { ColorToken } from '../common/design/tokens';

/** For `hostColorCss`: `--hot`, `--warm`, `--cold` and `--chip`. */
export const SCORE_CHIP_COLORS = {
  hot: 'score-hot',
  warm: 'score-warm',
  cold: 'score-cold',
  chip: 'surface-container',
} satisfies Record<string, ColorToken>;

export const SCORE_BAND_CSS = `.band-hot { color: var(--hot); }
.band-warm { color: var(--warm); }
.band-cold { color: var(--cold); }`;
