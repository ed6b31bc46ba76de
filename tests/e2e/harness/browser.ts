/**
 * Launches Debian's Chromium, headless, with the built extension loaded as an
 * unpacked extension: the real manifest, the real worker, the real content script.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { installNetworkPolicy, OFFLINE_RESOLVER_ARG } from './network';
import { builtExtensionDir, unpackedExtensionId } from './paths';

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
}

export async function launchExtension(
  options: { userDataDir?: string } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = builtExtensionDir();
  const ownsProfile = !options.userDataDir;
  const userDataDir = options.userDataDir ?? createProfile();
  // Playwright's `headless: true` runs Chromium's new headless mode, which loads extensions.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      OFFLINE_RESOLVER_ARG,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  await installNetworkPolicy(context);
  const extensionId = unpackedExtensionId(extensionDir);
  return {
    context,
    extensionId,
    userDataDir,
    extensionUrl: (file) => `chrome-extension://${extensionId}/${file}`,
    async close() {
      await context.close();
      if (ownsProfile) removeProfile(userDataDir);
    },
  };
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
