/**
 * The Vivre mark beside a page's name, drawn inline so it is crisp at any size and costs no
 * request. The geometry is docs/brand/vivre-mark.svg's (tests/unit/scripts/icons.test.ts keeps
 * them equal). Decorative: the page's name says "Vivre" in words.
 */
import { BRAND_VIOLET } from './design/tokens';

export const MARK_TILE = { width: 16, height: 16, rx: 3 };
export const MARK_V = 'M3 5h2l3 6 4-8h2L9 13H7z';

export function VivreMark({ size = 24 }: { size?: number }) {
  return (
    <svg
      class="vivre-mark"
      viewBox="0 0 16 16"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
    >
      <rect {...MARK_TILE} fill={BRAND_VIOLET} />
      <path d={MARK_V} fill="#fff" />
    </svg>
  );
}
