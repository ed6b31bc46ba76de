import preact from '@preact/preset-vite';
import { createRequire } from 'node:module';
import { defineConfig } from 'wxt';
import { PRODUCTION_BASE_URL } from './lib/vivre/base-url';

const OPTIONAL_ORIGINS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];

// Chrome MV3 is the primary target. For Firefox we build MV2 (WXT's default for
// Firefox): Firefox's MV2 background page is persistent and its MV3 support still
// differs on service workers, so MV2 is what WXT builds and tests best there.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The content script runs on every Gmail page and has a 25 KB gzip budget. It
    // only touches promise-returning MV3 APIs (runtime.id, sendMessage, onMessage
    // through @webext-core/messaging, which calls chrome.* itself), so it gets WXT's
    // native `browser` (chrome in Chrome, browser in Firefox) instead of the ~3 KB
    // gzip webextension-polyfill that the worker and the pages keep.
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.every((entry) => entry.type === 'content-script')) return;
      const nativeBrowser = createRequire(import.meta.url).resolve('wxt/browser');
      config.resolve ??= {};
      const alias = config.resolve.alias;
      if (Array.isArray(alias)) {
        alias.unshift({ find: /^wxt\/browser$/, replacement: nativeBrowser });
      } else {
        config.resolve.alias = { ...alias, 'wxt/browser': nativeBrowser };
      }
    },
  },
  manifest: ({ mode, manifestVersion }) => ({
    name: 'Vivre for Gmail',
    description:
      'See the Vivre contact card and AI score of everyone on an email, and log calls, notes and meetings in seconds.',
    permissions: ['storage', 'alarms', 'unlimitedStorage'],
    // The production API is the only host granted at install. The local sandbox is
    // granted in development builds so `npm start` and the tests work out of the box;
    // any other base URL is asked for at the moment the rep sets it.
    host_permissions: [
      new URL(PRODUCTION_BASE_URL).origin + '/*',
      ...(mode === 'development' || process.env.WXT_VIVRE_SANDBOX === '1'
        ? ['http://127.0.0.1/*', 'http://localhost/*']
        : []),
    ],
    // MV2 (the Firefox build) has no optional_host_permissions: origins go in optional_permissions.
    ...(manifestVersion === 2
      ? { optional_permissions: OPTIONAL_ORIGINS }
      : { optional_host_permissions: OPTIONAL_ORIGINS }),
    commands: {
      // MV2 names the toolbar button's command _execute_browser_action.
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+V' },
        description: 'Open Vivre quick logging',
      },
    },
  }),
});
