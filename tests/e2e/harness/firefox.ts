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
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { REP_DWELL_MS } from './rep-controls';
import { replaceInFixture, type Replacements } from '../../fixtures/gmail/variants';
import { FIXTURE_PARAM, readFixture } from './network';
import { builtFirefoxDir, isBuilt } from './paths';
import { waitFor } from './wait';
import { heldSendIds } from './worker-storage';

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

/**
 * An enterprise policy for this browser alone: Firefox reads `browser.policies.alternatePath`
 * instead of the machine's policies.json only "in automation" (its `Cu.isInAutomation`: the pref
 * below and MOZ_DISABLE_NONLOCAL_CONNECTIONS=1, which keeps it off every non-local host, as the
 * harness does anyway), and only when the machine has no policies.json of its own (checked by
 * the test that uses it). So concurrent Firefox runs never see this file.
 */
function policyLaunch(policies: object, dir: string) {
  const file = path.join(dir, 'policies.json');
  writeFileSync(file, JSON.stringify({ policies }));
  return {
    env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
    prefs: {
      'security.turn_off_all_security_so_that_viruses_can_take_over_this_computer': true,
      'browser.policies.alternatePath': file,
    },
  };
}

export async function launchFirefoxExtension({
  contentScriptWorld = false,
  policies,
}: {
  contentScriptWorld?: boolean;
  /** policies.json's `policies` for this browser only (policyLaunch). */
  policies?: object;
} = {}): Promise<FirefoxExtension> {
  if (!isBuilt(builtFirefoxDir)) {
    throw new Error(
      `The Firefox extension is not built at ${builtFirefoxDir}. Run \`npm run build:test\` first.`,
    );
  }
  // Its own copy, as for Chromium: a rebuild during a test cannot pull files away.
  const copy = mkdtempSync(path.join(os.tmpdir(), 'vivre-e2e-firefox-ext-'));
  cpSync(builtFirefoxDir, copy, { recursive: true });
  if (contentScriptWorld) grantScripting(copy);
  const policy = policies ? policyLaunch(policies, copy) : undefined;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    extraPrefsFirefox: { ...OFFLINE_PREFS, ...policy?.prefs },
    ...(policy ? { env: policy.env } : {}),
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
export async function findPage(
  browser: Browser,
  matches: (href: string) => boolean,
): Promise<{ page: Page; href: string } | null> {
  for (const page of await browser.pages()) {
    const href = await page.evaluate(() => location.href).catch(() => '');
    if (matches(href)) return { page, href };
  }
  return null;
}

/**
 * Opens `html` at a https://mail.google.com/ address (`path`: the account's, /mail/u/1/ for the
 * rep's second); every other request but loopback fails.
 */
export async function openFirefoxGmail(
  firefox: FirefoxExtension,
  html: string,
  hash = '#inbox/variant',
  path = '/mail/u/0/',
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
  await page.goto(`https://mail.google.com${path}${hash}`);
  return page;
}

/** Opens a Gmail fixture by name (changed by `variant`), as `openFixture` does in Chromium. */
export function openFirefoxFixture(
  firefox: FirefoxExtension,
  name: string,
  hash = '#inbox',
  variant: Replacements = [],
): Promise<Page> {
  const html = replaceInFixture(readFixture(name), variant);
  return openFirefoxGmail(firefox, html, `?${FIXTURE_PARAM}=${name}${hash}`);
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

/** The box the browser drew `selector`'s host in (the host is in Gmail's DOM, its root is not). */
export async function hostBox(page: Page, selector: string) {
  const host = await page.$(selector);
  // Where the rep can see it: scrolled into the window, as the rep would scroll to it.
  await host?.scrollIntoView();
  const box = await host?.boundingBox();
  if (!box) throw new Error(`no ${selector} on the page`);
  return box;
}

/** Waits until the host has grown wider than `than`: it shows something more (a line, a menu). */
export function hostGrows(page: Page, selector: string, than: number, what: string) {
  return waitFor(async () => (await hostBox(page, selector)).width > than + 1, what);
}

/** compose-send's Send button. */
export const SEND = '.aoO[role="button"]';

/** compose-send with `subject` typed and "Log to Vivre" turned on as the rep does, by pointer. */
export async function openLoggedCompose(
  firefox: FirefoxExtension,
  subject: string,
  variant: Replacements = [],
): Promise<Page> {
  const page = await openFirefoxFixture(firefox, 'compose-send', '#inbox', variant);
  await page.locator('input[name="subjectbox"]').fill(subject);
  // "Log to Vivre" is the toggle's first word: the rep clicks it, and the line of whom it
  // logs for appears beside it.
  const off = await hostBox(page, 'vivre-email-log');
  await repClick(page, off.x + 8, off.y + off.height / 2);
  await hostGrows(page, 'vivre-email-log', off.width, 'the toggle to say whom it logs for');
  return page;
}

/**
 * What the rep does: Vivre settings → Email logging → Allow (Firefox's prompt answers yes). The
 * options tab the install opened has shown the request since it loaded.
 */
export async function allowEmailText(firefox: FirefoxExtension): Promise<void> {
  await firefox.options.locator('::-p-text(Allow Vivre to send email text)').click();
  await waitFor(
    () =>
      firefox.options.evaluate(
        () => !document.body.textContent?.includes('Allow Vivre to send email text'),
      ),
    'the options page to show email text allowed',
  );
}

/** Waits until the worker holds `count` sends, as it does while Gmail can undo one. */
export function waitForHeldSends(firefox: FirefoxExtension, count: number, what: string) {
  return waitFor(async () => (await heldSendIds(firefox.options)).length === count, what);
}

/**
 * Firefox's WebDriver BiDi lists no content-script realm (script.getRealms gives the page and our
 * extension pages only), so a test that must act as our content script does gets the one way
 * Firefox offers: this copy of the build, and only it, may `scripting.executeScript`, which runs
 * a function in the extension's content-script world of a tab (`evaluateInFirefoxContentScript`).
 * Nothing else of the build changes.
 */
function grantScripting(dir: string): void {
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { permissions?: string[] };
  manifest.permissions = [...(manifest.permissions ?? []), 'scripting'];
  writeFileSync(file, JSON.stringify(manifest));
}

/**
 * Runs `fn(...args)` in the extension's content-script world of `page`'s tab, as
 * `evaluateInContentScript` does in Chromium, and answers what it returns. Needs a Firefox
 * launched with `contentScriptWorld`. `fn` is sent as its source: it may use only its
 * arguments and what a content script has (`chrome.*`, the page's DOM).
 */
export async function evaluateInFirefoxContentScript<A extends unknown[], R>(
  firefox: FirefoxExtension,
  page: Page,
  fn: (...args: A) => Promise<R>,
  ...args: A
): Promise<R> {
  // Evaluated in our options tab (WebDriver is not held to its CSP); `fn` is compiled there
  // as part of this source, then Firefox runs it in the tab's content-script world.
  const expression = `(async () => {
    const tabs = await browser.tabs.query({ url: 'https://mail.google.com/*' });
    const tab = tabs.filter((tab) => tab.url === ${JSON.stringify(page.url())}).at(-1);
    if (!tab) throw new Error('No Gmail tab at ${page.url()}');
    const [run] = await browser.scripting.executeScript({
      target: { tabId: tab.id },
      func: ${fn.toString()},
      args: ${JSON.stringify(args)},
    });
    if (run.error) throw run.error;
    return run.result;
  })()`;
  return (await firefox.options.evaluate(expression)) as R;
}
