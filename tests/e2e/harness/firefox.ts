/**
 * Launches Debian's Firefox ESR, headless, driven by puppeteer-core over WebDriver
 * BiDi, with the built Firefox extension installed as a temporary add-on: the real
 * manifest, the real event page, the real content script.
 *
 * Extension pages: BiDi refuses to navigate a tab to a moz-extension:// URL, so the
 * harness never does. A new install opens the options page by itself (the product's
 * own first-run step); the harness finds that tab and keeps it, and the popup is
 * reached from there by the page's own navigation, as a link would.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { REP_DWELL_MS } from './rep-controls';
import { FIXTURE_PARAM, readFixture } from './network';
import { builtFirefoxDir, isBuilt } from './paths';
import { waitFor } from './wait';

export interface FirefoxExtension {
  browser: Browser;
  /** The add-on id (browser_specific_settings.gecko.id). */
  addonId: string;
  /** `moz-extension://<uuid>/`, random per profile. */
  root: string;
  /** The options tab the install opened; the harness talks to the worker from it. */
  options: Page;
  close(): Promise<void>;
}

/**
 * Keeps the browser on this machine: every proxied request goes to a closed port,
 * loopback excepted, and Firefox's own services are off. Gmail pages never reach
 * the proxy: request interception answers them first.
 */
const OFFLINE_PREFS = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
  'network.proxy.allow_hijacking_localhost': false,
  'network.dns.disableIPv6': true,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'app.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  // Firefox's prompt for optional permissions is browser UI a test cannot click: a rep's
  // "Allow" there is what this pref answers.
  'extensions.webextOptionalPermissionPrompts': false,
};

export async function launchFirefoxExtension(): Promise<FirefoxExtension> {
  if (!isBuilt(builtFirefoxDir)) {
    throw new Error(
      `The Firefox extension is not built at ${builtFirefoxDir}. Run \`npm run build:test\` first.`,
    );
  }
  // Its own copy, as for Chromium: a rebuild during a test cannot pull files away.
  const copy = mkdtempSync(path.join(os.tmpdir(), 'vivre-e2e-firefox-ext-'));
  cpSync(builtFirefoxDir, copy, { recursive: true });
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    extraPrefsFirefox: OFFLINE_PREFS,
  });
  try {
    const addonId = await browser.installExtension(copy);
    const { page: options, href } = await waitFor(
      () => findPage(browser, (url) => url.startsWith('moz-extension://')),
      'the options page a new install opens',
    );
    return {
      browser,
      addonId,
      root: href.slice(0, href.indexOf('/', 'moz-extension://'.length) + 1),
      options,
      async close() {
        await browser.close();
        rmSync(copy, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser.close().catch(() => {});
    rmSync(copy, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Puppeteer's BiDi pages report moz-extension:// documents as about:blank, so each
 * page is asked where it is.
 */
async function findPage(
  browser: Browser,
  matches: (href: string) => boolean,
): Promise<{ page: Page; href: string } | null> {
  for (const page of await browser.pages()) {
    const href = await page.evaluate(() => location.href).catch(() => '');
    if (matches(href)) return { page, href };
  }
  return null;
}

/** Opens `html` at a https://mail.google.com/ address; every other request but loopback fails. */
export async function openFirefoxGmail(
  firefox: FirefoxExtension,
  html: string,
  hash = '#inbox/variant',
): Promise<Page> {
  const page = await firefox.browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.hostname === 'mail.google.com') {
      void (request.isNavigationRequest()
        ? request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
        : request.respond({ status: 404, body: '' }));
    } else if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') {
      void request.continue();
    } else {
      void request.abort('internetdisconnected');
    }
  });
  await page.goto(`https://mail.google.com/mail/u/0/${hash}`);
  return page;
}

/** Opens a Gmail fixture by name, as `openFixture` does in Chromium. */
export function openFirefoxFixture(
  firefox: FirefoxExtension,
  name: string,
  hash = '#inbox',
): Promise<Page> {
  return openFirefoxGmail(firefox, readFixture(name), `?${FIXTURE_PARAM}=${name}${hash}`);
}

/**
 * The contact card's frame (card.html) in a Gmail tab, once the content script has made it.
 * Firefox reports extension subframes' URLs only from inside them, so each frame is asked.
 */
export function firefoxCardFrame(page: Page): Promise<Frame> {
  return waitFor(async () => {
    for (const frame of page.frames()) {
      const href = await frame.evaluate(() => location.href).catch(() => '');
      if (new URL(href || 'about:blank').pathname === '/card.html') return frame;
    }
    return undefined;
  }, 'the card frame');
}

/**
 * The rep clicks at (x, y) in Gmail: the pointer comes there and presses once what is there has
 * been in view and in place as long as our controls ask (lib/shared/visible-input.ts).
 */
export async function repClick(page: Page, x: number, y: number): Promise<void> {
  await page.mouse.move(x, y);
  await new Promise((resolve) => setTimeout(resolve, REP_DWELL_MS));
  await page.mouse.click(x, y);
}

/**
 * Waits until the open card takes input: it has been drawn as placed for a moment, and no longer
 * says it is disabled (lib/pages/card/input-guard.ts). Puppeteer, unlike Playwright, does not
 * wait for that before it clicks.
 */
export async function cardTakesInput(card: Frame): Promise<Frame> {
  await waitFor(
    () => card.evaluate(() => !document.body.hasAttribute('aria-disabled')),
    'the card to take input',
  );
  return card;
}
