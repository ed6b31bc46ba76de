/**
 * The Gmail content script and the popup get WXT's native `browser` (chrome in Chrome, browser in
 * Firefox) instead of the ~3 KB gzip webextension-polyfill that the worker and the other pages
 * keep. The content script runs on every Gmail page, under a size budget; the popup is measured
 * from click to form. Both touch only promise-returning MV3 APIs (runtime.id, sendMessage,
 * onMessage through @webext-core/messaging, which calls chrome.* itself; tabs.query, storage,
 * openOptionsPage), and listen to nothing the polyfill would change.
 */
import { createRequire } from 'node:module';
import { defineWxtModule } from 'wxt/modules';

export default defineWxtModule({
  name: 'vivre:native-browser',
  setup(wxt) {
    wxt.hook('vite:build:extendConfig', (entrypoints, config) => {
      const popupAlone = entrypoints.length === 1 && entrypoints[0]!.type === 'popup';
      if (!popupAlone && !entrypoints.every((entry) => entry.type === 'content-script')) return;
      const nativeBrowser = createRequire(import.meta.url).resolve('wxt/browser');
      config.resolve ??= {};
      const alias = config.resolve.alias;
      if (Array.isArray(alias)) {
        alias.unshift({ find: /^wxt\/browser$/, replacement: nativeBrowser });
      } else {
        config.resolve.alias = { ...alias, 'wxt/browser': nativeBrowser };
      }
    });
  },
});
