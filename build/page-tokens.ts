/**
 * The design tokens (src/ui/design/tokens.ts) written into the extension pages' HTML at build
 * time, where a page asks for them with `<!-- vivre:design-tokens -->` in its head. In the HTML
 * they are parsed while the page's scripts are still loading, instead of being built and parsed
 * by the script on the way to the first render (bench/popup.ts measures that way), and the
 * page's first frame already has its colours.
 */
import type { Plugin } from 'vite';
import { pageTokenCss } from '../src/ui/design/tokens';

const MARKER = '<!-- vivre:design-tokens -->';

export function pageDesignTokens(): Plugin {
  return {
    name: 'vivre:page-design-tokens',
    transformIndexHtml: (html) => html.replace(MARKER, `<style>${pageTokenCss()}</style>`),
  };
}
