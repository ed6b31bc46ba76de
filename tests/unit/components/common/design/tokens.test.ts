/**
 * The design tokens keep WCAG contrast in both themes: 4.5:1 for every text colour on every
 * surface it is used on, 3:1 for the borders, fills and focus rings a rep must see.
 */
import { describe, expect, it } from 'vitest';
import {
  COLORS,
  frameTokenCss,
  hostColorCss,
  pageTokenCss,
  type ColorToken,
} from '@/components/common/design/tokens';

function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const channels = [n >> 16, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * channels[0]! + 0.7152 * channels[1]! + 0.0722 * channels[2]!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const SURFACES: ColorToken[] = [
  'surface',
  'surface-dim',
  'surface-container',
  'surface-container-high',
];
const on = (fg: ColorToken, bgs: ColorToken[]) => bgs.map((bg) => [fg, bg] as const);

const TEXT = [
  ...on('on-surface', SURFACES),
  ...on('on-surface-variant', SURFACES),
  ...on('primary-text', SURFACES),
  ...on('error', SURFACES),
  ...on('success', ['surface', 'surface-dim', 'surface-container']),
  ...on('score-hot', ['surface', 'surface-container']),
  ...on('score-warm', ['surface', 'surface-container']),
  ...on('score-cold', ['surface', 'surface-container']),
  ['on-primary', 'primary'],
  ['on-primary-container', 'primary-container'],
  ['primary-text', 'primary-container'],
  ['on-error-container', 'error-container'],
  ['on-success-container', 'success-container'],
  ['on-warning-container', 'warning-container'],
] as const;

const CONTROLS = [
  ...on('outline', ['surface', 'surface-dim', 'surface-container']),
  ...on('primary', ['surface', 'surface-dim']),
  ...on('primary-text', SURFACES),
] as const;

describe.each(['light', 'dark'] as const)('%s tokens', (theme) => {
  const colour = COLORS[theme];
  it.each(TEXT)('%s on %s keeps 4.5:1', (fg, bg) => {
    expect(contrast(colour[fg], colour[bg])).toBeGreaterThanOrEqual(4.5);
  });
  it.each(CONTROLS)('%s against %s keeps 3:1', (fg, bg) => {
    expect(contrast(colour[fg], colour[bg])).toBeGreaterThanOrEqual(3);
  });
});

describe('token CSS', () => {
  it('gives pages every token, dark when the system is dark', () => {
    const css = pageTokenCss();
    expect(css).toContain('--vv-primary:#765ee9;');
    expect(css).toContain('--vv-space-4:16px;');
    expect(css).toMatch(/@media \(prefers-color-scheme:dark\)\{:root\{[^}]*--vv-primary:#a797ff;/);
  });

  it("gives the card's frame every token, dark when Gmail (html[data-theme]) is dark", () => {
    const css = frameTokenCss();
    expect(css).toContain('--vv-surface:#ffffff;');
    expect(css).toMatch(/:root\[data-theme='dark'\]\{[^}]*--vv-surface:#202124;/);
  });

  it('gives a shadow root in Gmail only the colours it names, in both themes, beyond the page', () => {
    const css = hostColorCss({ fg: 'on-surface', hot: 'score-hot' });
    expect(css).toBe(
      `:host{--fg:${COLORS.light['on-surface']}!important;--hot:${COLORS.light['score-hot']}!important;}` +
        `:host([data-theme='dark']){--fg:${COLORS.dark['on-surface']}!important;--hot:${COLORS.dark['score-hot']}!important;}`,
    );
  });
});
