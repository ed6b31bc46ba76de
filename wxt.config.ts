import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { PRODUCTION_BASE_URL } from './lib/shared/vivre/base-url';
import { OPEN_PANEL_COMMAND } from './lib/shared/panel-channel';

const OPTIONAL_ORIGINS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];

/**
 * Firefox's add-on id: fixed, so storage, the AMO listing and updates follow one
 * add-on, and `runtime.MessageSender.id` is the same on every install.
 */
export const GECKO_ID = 'vivre-for-gmail@vivre.app';

/** Rendered from docs/brand/vivre-mark.svg by `npm run icons` into public/icon/. */
const ICONS = Object.fromEntries([16, 32, 48, 128].map((size) => [size, `icon/${size}.png`]));

/**
 * What Firefox tells the rep at install, and asks before use (PRIVACY.md says the same
 * in full). Required: the addresses of the people on an email are sent to Vivre to look
 * them up (and names when the rep adds one), which is the extension's whole point.
 * Optional: email subjects and text, which leave only when the rep logs an email and has
 * allowed it in Firefox (lib/worker/settings/data-consent.ts).
 */
const FIREFOX_SETTINGS = {
  // Built-in consent reached Firefox for Android in 142.
  gecko_android: { strict_min_version: '142.0' },
  gecko: {
    id: GECKO_ID,
    strict_min_version: '140.0',
    data_collection_permissions: {
      required: ['personallyIdentifyingInfo'],
      optional: ['personalCommunications'],
    },
  },
};

/**
 * The contact card (entrypoints/card/) is an extension page the content script frames in
 * Gmail, so Gmail's page can neither read it nor drive it (lib/content/card-host/card-host.ts).
 * Framing it from a web page needs it web-accessible, in both browsers, and only to Gmail.
 * Chrome: `use_dynamic_url`, so it loads only from a URL that changes every browser session
 * (runtime.getURL gives it): a page that has not been handed it cannot frame our card to trick
 * a rep's click. Firefox has no such key (its linter and loader reject it) and needs none: its
 * moz-extension:// UUID is already random per install. The card's own scripts and CSS are not
 * listed: they are loaded by our page, from our origin, never by the web page.
 */
function cardResources(browser: string) {
  return [
    {
      resources: ['card.html'],
      matches: ['https://mail.google.com/*'],
      ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
    },
  ];
}

// MV3 for both browsers. Firefox has supported MV3 since 109; building it there too
// gives one manifest shape (action, host_permissions, optional_host_permissions,
// web_accessible_resources with `matches`), and Firefox's MV3 background is an event
// page that is stopped when idle, so the worker's wake-up and durability paths are
// the ones Chrome exercises too, instead of hiding behind a persistent MV2 page.
// 140 is the floor: it is the first release (and ESR) with built-in data-collection
// consent, which AMO requires of new add-ons since 2025-11-03.
export default defineConfig({
  // The design card's top level: entrypoints/, components/, lib/, public/ beside package.json.
  srcDir: '.',
  // Every import is written out, so a file says where each name comes from and the import
  // rules in eslint.config.js see it (WXT would otherwise auto-import all of components/).
  imports: false,
  manifestVersion: 3,
  // AMO reviewers rebuild from the sources archive; pictures are not sources.
  zip: { excludeSources: ['docs/**/*.png', '.sandbox-data/**', '.bench-cache/**'] },
  // Test builds (sandbox defaults, loopback granted) live apart from the store builds
  // that `npm run zip` makes, so one never stands in for the other.
  outDirTemplate: `{{browser}}-mv{{manifestVersion}}{{modeSuffix}}${
    process.env.WXT_VIVRE_SANDBOX === '1' ? '-test' : ''
  }`,
  modules: ['@wxt-dev/webextension-polyfill'],
  // Build-time plugins are local WXT modules in modules/ (design tokens, the popup's build).
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // One package that the stores' linters accept as it is: `web-ext lint` (run on
    // both zips by `npm test`) wants Firefox's keys in the Chrome package too. Chrome
    // ignores `browser_specific_settings`, and beside `service_worker` it ignores
    // `background.scripts` (a warning on unpacked loads only), so the Chrome zip
    // also installs in Firefox, where the same file runs as the event page.
    'build:manifestGenerated'(wxt, manifest) {
      if (wxt.config.browser === 'firefox') return;
      const background = manifest.background;
      const worker = background && 'service_worker' in background && background.service_worker;
      // `preferred_environment` says, as the W3C WebExtensions group agreed, that the
      // worker and the page forms are both intended (Chrome: service worker; Firefox:
      // document), which is also what tells the linter the fallback is deliberate.
      if (worker) {
        manifest.background = {
          service_worker: worker,
          scripts: [worker],
          preferred_environment: ['service_worker', 'document'],
        } as never;
      }
      manifest.browser_specific_settings = FIREFOX_SETTINGS;
    },
  },
  manifest: ({ browser, mode }) => ({
    name: 'Vivre for Gmail',
    description:
      'See the Vivre contact card and AI score of everyone on an email, and log calls, notes and meetings in seconds.',
    // `unlimitedStorage` is kept for durability, not size (the outbox and the cache are
    // bounded): under disk pressure Chrome evicts whole origins, least recently used first,
    // and skips only those that are "unlimited" or "durable" (QuotaDatabase::
    // GetLruEvictableBucket in chromium/src storage/browser/quota). Without it, the queued
    // writes a rep was told are "Saved — will sync", and the key, could vanish together;
    // `navigator.storage.persist()` is no substitute: it is not exposed in the worker.
    // (Firefox never evicts extension origins, so there it costs nothing.)
    // `scripting`: the worker injects the email-logging controls into a Gmail frame once it
    // shows a compose or a message (lib/worker/email-logging/inject-controls.ts); WXT adds
    // https://mail.google.com/* to host_permissions for that runtime content script, the host
    // the Gmail content script already runs on, so the rep is asked for nothing new.
    permissions: ['storage', 'alarms', 'unlimitedStorage', 'scripting'],
    // What an organisation may set for every rep (docs/ADMIN.md): Chrome publishes in
    // storage.managed only the policy values this schema allows. Firefox reads the same keys from
    // policies.json without a schema.
    storage: { managed_schema: 'managed-schema.json' },
    // The production API is the only host granted at install. The local sandbox is
    // granted in development builds so `npm start` and the tests work out of the box;
    // any other base URL is asked for at the moment the rep sets it.
    host_permissions: [
      new URL(PRODUCTION_BASE_URL).origin + '/*',
      ...(mode === 'development' || process.env.WXT_VIVRE_SANDBOX === '1'
        ? ['http://127.0.0.1/*', 'http://localhost/*']
        : []),
    ],
    optional_host_permissions: OPTIONAL_ORIGINS,
    web_accessible_resources: cardResources(browser),
    icons: ICONS,
    action: { default_title: 'Vivre quick logging (Alt+Shift+V)', default_icon: ICONS },
    ...(browser === 'firefox' ? { browser_specific_settings: FIREFOX_SETTINGS } : {}),
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+V' },
        description: 'Open Vivre quick logging',
      },
      // The panel beside the email (entrypoints/sidepanel/). Firefox opens its sidebar for this
      // command itself; Chrome sends ours to the worker, which opens the side panel within the
      // key press (lib/worker/panel-command.ts). Reps change either in the browser's shortcuts page.
      [browser === 'firefox' ? '_execute_sidebar_action' : OPEN_PANEL_COMMAND]: {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Open the Vivre panel beside your email',
      },
    },
  }),
});
