/**
 * Every extension page's head, declared once and written into its HTML at build time where the
 * page asks for it: the charset, the viewport and the design tokens
 * (components/common/design/tokens.ts) — `<!-- vivre:page-head -->` (popup, options, panel: light
 * or dark with the system) or `<!-- vivre:frame-page-head -->` (the card's frame: light or dark
 * with Gmail's theme). In the HTML they are parsed while the page's scripts are still
 * loading, instead of being built and parsed by the script on the way to the first render
 * (bench/popup.ts and bench/card.ts measure that way), and the first frame already has its
 * colours.
 */
import type { Plugin } from 'vite';
import { addViteConfig, defineWxtModule } from 'wxt/modules';
import { frameTokenCss, pageTokenCss } from '../components/common/design/tokens';

const MARKERS: Record<string, () => string> = {
  '<!-- vivre:page-head -->': pageTokenCss,
  '<!-- vivre:frame-page-head -->': frameTokenCss,
};

/** The charset first: a browser must meet it within the page's first 1,024 bytes. */
const HEAD =
  '<meta charset="UTF-8" />' +
  '<meta name="viewport" content="width=device-width, initial-scale=1.0" />';

export function pageDesignTokens(): Plugin {
  return {
    name: 'vivre:page-design-tokens',
    transformIndexHtml: (html) =>
      Object.entries(MARKERS).reduce(
        (page, [marker, css]) => page.replace(marker, `${HEAD}<style>${css()}</style>`),
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
