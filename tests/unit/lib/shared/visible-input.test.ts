import { describe, expect, it } from 'vitest';
import {
  drawsAsIs,
  isOwnHostAttribute,
  isSteady,
  isWherePlaced,
  STEADY_MS,
  type DrawingStyle,
} from '@/lib/shared/visible-input';

/** An element's computed styles as Chromium and Firefox give them when nothing is applied. */
const PLAIN: DrawingStyle = {
  opacity: '1',
  filter: 'none',
  transform: 'none',
  scale: 'none',
  rotate: 'none',
  clipPath: 'none',
  clip: 'auto',
  maskImage: 'none',
  mixBlendMode: 'normal',
  zoom: '1',
};

describe('what counts as drawn as is', () => {
  it('is an element nothing fades, filters, clips, blends or distorts', () => {
    expect(drawsAsIs(PLAIN)).toBe(true);
  });

  it.each<[string, Partial<DrawingStyle>]>([
    ['faded out', { opacity: '0' }],
    ['barely faded', { opacity: '0.99' }],
    ['filtered to nothing', { filter: 'opacity(0)' }],
    ['scaled down by a transform', { transform: 'matrix(0.02, 0, 0, 0.02, 0, 0)' }],
    ['turned edge-on', { transform: 'matrix3d(1, 0, 0, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 0, 0, 1)' }],
    ['scaled by the scale property', { scale: '0.1' }],
    ['rotated', { rotate: '180deg' }],
    ['clipped away', { clipPath: 'inset(50%)' }],
    ['clipped the old way', { clip: 'rect(0px, 0px, 0px, 0px)' }],
    ['masked', { maskImage: 'linear-gradient(transparent, transparent)' }],
    ['blended into the page', { mixBlendMode: 'multiply' }],
    ['zoomed small', { zoom: '0.1' }],
  ])('is not an element %s', (_, change) => {
    expect(drawsAsIs({ ...PLAIN, ...change })).toBe(false);
  });

  it('lets a translation through: it only moves the element, which steadiness is for', () => {
    expect(drawsAsIs({ ...PLAIN, transform: 'matrix(1, 0, 0, 1, 30, -12.5)' })).toBe(true);
    // Gmail's layer hint, translateZ(0), as browsers compute it.
    const layer = 'matrix3d(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1)';
    expect(drawsAsIs({ ...PLAIN, transform: layer })).toBe(true);
  });
});

describe("our hosts' attributes", () => {
  it('are ours only when we put them there', () => {
    for (const name of ['data-vivre-host', 'data-vivre-email', 'data-theme', 'popover']) {
      expect(isOwnHostAttribute(name)).toBe(true);
    }
    for (const name of ['style', 'class', 'hidden', 'data-vivre-', 'data-themes', 'id']) {
      expect(isOwnHostAttribute(name)).toBe(false);
    }
  });
});

describe('steadiness', () => {
  it('needs STEADY_MS of being visible and unmoved', () => {
    expect(isSteady(null, 10_000)).toBe(false);
    expect(isSteady(1000, 1000 + STEADY_MS - 1)).toBe(false);
    expect(isSteady(1000, 1000 + STEADY_MS)).toBe(true);
  });

  it('knows the box we placed, to the pixel', () => {
    const placed = { top: 100, left: 40, width: 320, height: 200 };
    expect(isWherePlaced({ ...placed, top: 100.4 }, placed)).toBe(true);
    expect(isWherePlaced({ ...placed, width: 160 }, placed)).toBe(false);
    expect(isWherePlaced({ ...placed, left: 52 }, placed)).toBe(false);
  });
});
