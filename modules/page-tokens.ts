/**
 * The design tokens (components/common/design/tokens.ts) written into the extension pages' HTML at build
 * time, where a page asks for them in its head: `<!-- vivre:design-tokens -->` (popup, options:
 * light or dark with the system) or `<!-- vivre:frame-design-tokens -->` (the card's frame: light
 * or dark with Gmail's theme). In the HTML they are parsed while the page's scripts are still
 * loading, instead of being built and parsed by the script on the way to the first render
 * (bench/popup.ts and bench/card.ts measure that way), and the first frame already has its
 * colours.
 */
import type { Plugin } from 'vite';
import { addViteConfig, defineWxtModule } from 'wxt/modules';
import { frameTokenCss, pageTokenCss } from '../components/common/design/tokens';

const MARKERS: Record<string, () => string> = {
  '<!-- vivre:design-tokens -->': pageTokenCss,
  '<!-- vivre:frame-design-tokens -->': frameTokenCss,
};

export function pageDesignTokens(): Plugin {
  return {
    name: 'vivre:page-design-tokens',
    transformIndexHtml: (html) =>
      Object.entries(MARKERS).reduce(
        (page, [marker, css]) => page.replace(marker, `<style>${css()}</style>`),
        html,
      ),
  };
}

/** A local WXT module (modules/ is where WXT loads them from): every page's HTML gets the plugin. */
export default defineWxtModule({
  name: 'vivre:page-design-tokens',
  setup(wxt) {
    addViteConfig(wxt, () => ({ plugins: [pageDesignTokens()] }));
  },
});
