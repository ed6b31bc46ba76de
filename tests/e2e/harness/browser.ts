/**
 * Launches Debian's Chromium, headless, with the built extension loaded as an
 * unpacked extension: the real manifest, the real worker, the real content script.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from './chromium';
import { installNetworkPolicy, OFFLINE_RESOLVER_ARG } from './network';
import { builtExtensionDir, isBuilt, NOT_BUILT, unpackedExtensionId } from './paths';
import { waitFor } from './wait';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  /** chrome-extension://<id>/<file> */
  extensionUrl(file: string): string;
  /** Closes the browser; deletes the profile only when the harness created it. */
  close(): Promise<void>;
}

/** A profile directory that outlives one browser, for relaunch tests. Remove it with `removeProfile`. */
export function createProfile(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'vivre-e2e-profile-'));
}

export function removeProfile(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  rmSync(extensionCopyOf(dir), { recursive: true, force: true });
}

/**
 * Each profile loads its own copy of the build, taken at launch: a rebuild of
 * .output while a test runs (another terminal, a watcher) cannot pull files from
 * under the browser. The copy sits at a path fixed by the profile, so a relaunch on
 * that profile loads the same extension id and finds its storage again.
 */
function extensionCopyOf(userDataDir: string): string {
  return `${userDataDir}.extension`;
}

/** WXT empties .output before writing a build, so a build in progress gets a moment to finish. */
async function copyBuild(userDataDir: string, buildDir = builtExtensionDir): Promise<string> {
  const copy = extensionCopyOf(userDataDir);
  const copied = await waitFor(
    () => {
      if (!isBuilt(buildDir)) return false;
      rmSync(copy, { recursive: true, force: true });
      cpSync(buildDir, copy, { recursive: true });
      return isBuilt(copy);
    },
    'a complete build',
    { timeoutMs: 30_000, intervalMs: 500 },
  ).catch(() => false);
  if (!copied) throw new Error(NOT_BUILT);
  return copy;
}

export async function launchExtension(
  /** `buildDir`: another build than `npm run build:test`'s (the benchmarks compare two). */
  options: { userDataDir?: string; buildDir?: string } = {},
): Promise<ExtensionBrowser> {
  const ownsProfile = !options.userDataDir;
  const userDataDir = options.userDataDir ?? createProfile();
  let context: BrowserContext | undefined;
  try {
    // A profile that never ran has no Preferences yet: the extension is installed fresh.
    const freshInstall = !existsSync(path.join(userDataDir, 'Default', 'Preferences'));
    const extensionDir = await copyBuild(userDataDir, options.buildDir);
    context = await launchChromium(userDataDir, extensionDir);
    await installNetworkPolicy(context);
    const extensionId = unpackedExtensionId(extensionDir);
    if (freshInstall)
      await closeWelcomePage(context, `chrome-extension://${extensionId}/options.html`);
    const opened = context;
    return {
      context: opened,
      extensionId,
      userDataDir,
      extensionUrl: (file) => `chrome-extension://${extensionId}/${file}`,
      async close() {
        await opened.close();
        if (ownsProfile) removeProfile(userDataDir);
      },
    };
  } catch (error) {
    // A failed launch leaves no browser and no temporary profile behind.
    await context?.close().catch(() => {});
    if (ownsProfile) removeProfile(userDataDir);
    throw error;
  }
}

/**
 * A fresh install opens the options page by itself (the product's first-run step). Left
 * open, it races the tests' own navigations to that page, so the harness waits for it
 * and closes it.
 */
async function closeWelcomePage(context: BrowserContext, optionsUrl: string): Promise<void> {
  const welcome = await waitFor(
    () => context.pages().find((page) => page.url() === optionsUrl),
    'the options page a fresh install opens',
    { timeoutMs: 20_000 },
  );
  await welcome.close();
}

function launchChromium(userDataDir: string, extensionDir: string): Promise<BrowserContext> {
  // Playwright (1.65) pauses every request of a service worker in this Node process while any
  // context.route is set (installNetworkPolicy's are): each call the extension's worker made to
  // Vivre then waited for this process, which also runs the sandbox and the page's own
  // intercepted loads, and a new tab's lookups measured that queue, not the extension. No
  // browser a rep runs does that; the worker's requests are walled in by OFFLINE_RESOLVER_ARG.
  process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK = '1';
  return chromium.launchPersistentContext(
    userDataDir,
    chromiumLaunchOptions([
      OFFLINE_RESOLVER_ARG,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ]),
  );
}

/** An extension page (the options page) from which the harness talks to the worker like the UI does. */
export async function openExtensionPage(
  browser: ExtensionBrowser,
  file = 'options.html',
): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl(file));
  return page;
}
