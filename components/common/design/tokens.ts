/**
 * Vivre's design tokens, declared once: colour (light and dark), type, spacing, radius,
 * elevation and motion, close to Gmail's own Material look so Vivre sits naturally beside it.
 * Every surface reads them as CSS custom properties named `--vv-<token>`:
 *
 * - extension pages (popup, options) through `pageTokenCss()`: light, or dark when the system
 *   is dark (`prefers-color-scheme`);
 * - the card's frame through `frameTokenCss()`: `<html data-theme>`, Gmail's theme, picks;
 * - our shadow roots in Gmail (chips, list-row chips, the email-logging controls) through
 *   `hostColorCss()`, only the colours each uses: the host's `data-theme`, which follows
 *   Gmail's own theme, picks light or dark.
 *
 * Plain strings and no imports, so the content script can take it within its budget. Text
 * pairs keep 4.5:1 and controls 3:1 in both themes (tests/unit/components/common/design/tokens.test.ts).
 */

/** The violet of docs/brand/vivre-mark.svg, on the tile and every primary fill. */
export const BRAND_VIOLET = '#765ee9';

const LIGHT = {
  /** Popups, cards, menus. */
  surface: '#ffffff',
  /** The page behind cards (Gmail's own background). */
  'surface-dim': '#f6f8fc',
  /** Hover, tonal buttons, the selected option. */
  'surface-container': '#f0f4f9',
  'surface-container-high': '#e9eef6',
  'on-surface': '#1f1f1f',
  'on-surface-variant': '#444746',
  /** Borders of controls (3:1 or more against every surface). */
  outline: '#747775',
  /** Dividers and card borders (decorative). */
  'outline-variant': '#c4c7c5',
  /** Fills: primary buttons, the selected segment. */
  primary: BRAND_VIOLET,
  'on-primary': '#ffffff',
  /** Links, focus rings and violet text on any surface. */
  'primary-text': '#5b3fd9',
  'primary-container': '#ece8fd',
  'on-primary-container': '#2a1a7a',
  error: '#b3261e',
  'error-container': '#fce8e6',
  'on-error-container': '#8c1d18',
  success: '#146c2e',
  'success-container': '#e6f4ea',
  'on-success-container': '#0d652d',
  'warning-container': '#fef7e0',
  'on-warning-container': '#5c3c00',
  /** AI score bands, as text. */
  'score-hot': '#c5221f',
  'score-warm': '#975300',
  'score-cold': '#0b57d0',
  shadow: 'rgba(60, 64, 67, 0.3)',
  'shadow-ambient': 'rgba(60, 64, 67, 0.15)',
};

export type ColorToken = keyof typeof LIGHT;

const DARK: Record<ColorToken, string> = {
  surface: '#202124',
  'surface-dim': '#17181a',
  'surface-container': '#2d2e30',
  'surface-container-high': '#3c4043',
  'on-surface': '#e8eaed',
  'on-surface-variant': '#bdc1c6',
  outline: '#8e918f',
  'outline-variant': '#5f6368',
  primary: '#a797ff',
  'on-primary': '#1b0f5c',
  'primary-text': '#c0b5ff',
  'primary-container': '#3d2f8f',
  'on-primary-container': '#e6e0ff',
  error: '#f2b8b5',
  'error-container': '#5c1a16',
  'on-error-container': '#f9dedc',
  success: '#6dd58c',
  'success-container': '#0f3d1c',
  'on-success-container': '#c4eed0',
  'warning-container': '#413a1d',
  'on-warning-container': '#fce8b2',
  'score-hot': '#f6aea9',
  'score-warm': '#fdd663',
  'score-cold': '#8ab4f8',
  shadow: 'rgba(0, 0, 0, 0.6)',
  'shadow-ambient': 'rgba(0, 0, 0, 0.3)',
};

export const COLORS = { light: LIGHT as Record<ColorToken, string>, dark: DARK };

/** Gmail's fonts when the system has them (no font is ever downloaded), then the system's. */
const SANS = "Roboto, system-ui, -apple-system, 'Segoe UI', 'Helvetica Neue', Arial, sans-serif";

/** Our text font: Gmail's own when the system has it. */
export const FONT = `'Google Sans Text', 'Google Sans', ${SANS}`;

/** Everything but colour: the same in both themes. */
export const SHARED = {
  font: FONT,
  'font-display': `'Google Sans', ${SANS}`,
  'font-mono': "'Roboto Mono', ui-monospace, Menlo, Consolas, 'DejaVu Sans Mono', monospace",
  /** size/line-height, Material's type scale at Gmail's sizes. */
  'type-body': '14px/20px',
  'type-small': '12px/16px',
  'type-title': '16px/24px',
  'type-headline': '22px/28px',
  'weight-medium': '500',
  'space-1': '4px',
  'space-2': '8px',
  'space-3': '12px',
  'space-4': '16px',
  'space-5': '24px',
  'space-6': '32px',
  'radius-xs': '4px',
  'radius-sm': '8px',
  'radius-md': '12px',
  'radius-lg': '16px',
  'radius-full': '9999px',
  'elevation-1': '0 1px 2px 0 var(--vv-shadow), 0 1px 3px 1px var(--vv-shadow-ambient)',
  'elevation-2': '0 1px 2px 0 var(--vv-shadow), 0 2px 6px 2px var(--vv-shadow-ambient)',
  'elevation-3': '0 4px 8px 3px var(--vv-shadow-ambient), 0 1px 3px 0 var(--vv-shadow)',
  'focus-ring': '2px solid var(--vv-primary-text)',
  'motion-fast': '120ms cubic-bezier(0.2, 0, 0, 1)',
};

const declarations = (tokens: Record<string, string>) =>
  Object.entries(tokens)
    .map(([name, value]) => `--vv-${name}:${value};`)
    .join('');

/** For extension pages: light tokens on :root, dark ones when the system is dark. */
export function pageTokenCss(): string {
  return (
    `:root{color-scheme:light dark;${declarations(SHARED)}${declarations(LIGHT)}}` +
    `@media (prefers-color-scheme:dark){:root{${declarations(DARK)}}}`
  );
}

/** For the card's frame: Gmail's theme, passed as `<html data-theme>`, picks light or dark. */
export function frameTokenCss(): string {
  return (
    `:root{${declarations(SHARED)}${declarations(LIGHT)}}` +
    `:root[data-theme='dark']{${declarations(DARK)}}`
  );
}

/**
 * For a shadow root in Gmail (chips, list-row chips, the email-logging controls): only the
 * colours it uses, under its own short names (`{ fg: 'on-surface' }` gives `--fg`), light on
 * `:host` and dark when the host's `data-theme` (Gmail's theme) is dark. Only what is used, as
 * each root parses it and the content script carries it. Important, because a root's important
 * declarations win over anything Gmail's page sets on the host, even an inline `--fg` on it:
 * page script cannot make our words the colour of the background.
 */
export function hostColorCss(names: Record<string, ColorToken>): string {
  const pick = (theme: Record<ColorToken, string>) =>
    Object.entries(names)
      .map(([name, token]) => `--${name}:${theme[token]}!important;`)
      .join('');
  return `:host{${pick(LIGHT)}}:host([data-theme='dark']){${pick(DARK)}}`;
}

/** The type of our UI in Gmail: Gmail's own font at its 12 px size. */
export const HOST_FONT = `12px/1.4 ${FONT}`;
