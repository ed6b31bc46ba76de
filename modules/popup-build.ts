/**
 * How the toolbar popup is built, for the few milliseconds between a click and a form the rep
 * can type in (bench/popup.ts measures it against an empty extension page). Every file an
 * extension page loads is a round trip through the browser process, which on a busy machine
 * costs more than the bytes do: measured side by side, the popup as one script with its CSS in
 * the page opens faster than as four shared chunks and two stylesheets.
 */
import path from 'node:path';
import type { EntrypointGroup } from 'wxt';
import { defineWxtModule } from 'wxt/modules';
import type { Plugin } from 'vite';

/**
 * WXT builds all extension pages together, so the popup loads chunks shared with the options
 * page and the card. Built alone, everything it runs is in one script.
 */
export function buildPopupAlone(groups: EntrypointGroup[]): void {
  for (const group of groups) {
    if (!Array.isArray(group)) continue;
    const index = group.findIndex((entry) => entry.type === 'popup');
    if (index === -1) continue;
    groups.push(group.splice(index, 1));
    return;
  }
}

/**
 * Moves the stylesheets that the build's HTML pages link into the pages themselves, so a page
 * costs one request for its HTML and one for its script. Only for a build whose stylesheets no
 * other page links: they leave the bundle.
 */
export function inlinePageCss(): Plugin {
  return {
    name: 'vivre:inline-page-css',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const page of Object.values(bundle)) {
        if (page.type !== 'asset' || !page.fileName.endsWith('.html')) continue;
        const linked = /<link rel="stylesheet"[^>]*href="\/([^"]+)"[^>]*>/g;
        page.source = String(page.source).replace(linked, (tag, fileName: string) => {
          const css = bundle[fileName];
          if (css?.type !== 'asset') return tag;
          delete bundle[fileName];
          return `<style>${String(css.source).trim()}</style>`;
        });
      }
    },
  };
}

/**
 * Gives `module` (and what it imports) a chunk of its own, loaded by a script of its own placed
 * before the page's main script in the HTML: module scripts run in order, each as soon as it is
 * loaded, so this one runs without waiting for the larger script to arrive and compile.
 *
 * Loading the larger script at all still holds this one back (it ran 3.4 ms later at p50 than
 * with the larger script left out of the page), but every way of loading it later was slower
 * overall. Each was tried on 2026-12-07, 40 opens in rotation with this build (p50, interactive):
 * - the first script importing the form's script itself: 61.1 ms against 55.4 ms (the form's
 *   script arrived 12 ms after the first script instead of 1.5 ms);
 * - that import, the form's script preloaded by a `<link rel="preload">`: 77.7 ms against 68.0 ms;
 * - the first script as a classic script at the top of the head: it ran no sooner (43.4 ms
 *   against 43.5 ms);
 * - the form's script with `fetchpriority="low"`, or `async`: 67.7 and 64.8 ms against 63.6 ms.
 */
export function runFirst(module: string, chunkName: string): Plugin {
  return {
    name: 'vivre:run-first',
    enforce: 'post',
    config: () => ({
      build: { rollupOptions: { output: { manualChunks: { [chunkName]: [module] } } } },
    }),
    generateBundle(_options, bundle) {
      const chunk = Object.values(bundle).find(
        (file) => file.type === 'chunk' && !file.isEntry && file.name === chunkName,
      );
      if (!chunk) this.error(`No chunk ${chunkName} for ${module}.`);
      for (const page of Object.values(bundle)) {
        if (page.type !== 'asset' || !page.fileName.endsWith('.html')) continue;
        const html = String(page.source);
        const preload = new RegExp(
          `\\s*<link rel="modulepreload"[^>]*href="/${chunk.fileName}"[^>]*>`,
        );
        const script = `<script type="module" crossorigin src="/${chunk.fileName}"></script>`;
        page.source = html
          .replace(preload, '')
          .replace(/<script type="module"/, `${script}\n    $&`);
      }
    },
  };
}

/**
 * The first script's module, which starts the popup's storage read (lib/pages/popup/
 * local-at-open.ts). A path, not an import: the build needs the file, not its code.
 */
const POPUP_FIRST_SCRIPT = 'lib/pages/popup/local-at-open.ts';

/** A local WXT module: the popup in a build of its own, its first read first, its CSS inline. */
export default defineWxtModule({
  name: 'vivre:popup-build',
  setup(wxt) {
    wxt.hook('entrypoints:grouped', (_wxt, groups) => buildPopupAlone(groups));
    wxt.hook('vite:build:extendConfig', (entrypoints, config) => {
      if (entrypoints.length !== 1 || entrypoints[0]!.type !== 'popup') return;
      const first = runFirst(path.resolve(wxt.config.root, POPUP_FIRST_SCRIPT), 'popup-start');
      config.plugins = [...(config.plugins ?? []), first, inlinePageCss()];
      // No modulepreload: its polyfill and the helper wrapped around each dynamic import are
      // ~0.7 kB the form's script compiles and runs before the form, for nothing here: the first
      // script is loaded by a script tag of its own, and the one dynamic import
      // (services-after-open) comes after the form is usable and imports only that script.
      config.build = { ...config.build, modulePreload: false };
    });
  },
});
