/**
 * The E2E tests' set-up, once: Vitest fixtures (`test.extend`) for the sandbox, the
 * browsers with the extension, and Gmail pages. A test names what it needs,
 * `test('…', async ({ sandbox, extension, gmail }) => …)`, and gets it ready; nothing is
 * started that no test of the file asks for.
 *
 * The sandbox and the browsers are per file (`scope: 'file'`): the tests of a file share
 * them, in order, as a rep's session would, and they close after the file's last test.
 * Gmail pages are per test and close when it ends, passed or failed.
 */
import type { Page } from 'playwright-core';
import { test as base } from 'vitest';
import type { Replacements } from '../fixtures/gmail/variants';
import { launchExtension, openExtensionPage, type ExtensionBrowser } from './harness/browser';
import { connectToSandbox, openFixture } from './harness/extension';
import { launchFirefoxExtension, type FirefoxExtension } from './harness/firefox';
import { fixtureVariant, openGmailHtml } from './harness/gmail';
import { reportPages } from './harness/failure-report';
import { askWorkerOk } from './harness/messaging';
import { DEMO_KEYS, startTestSandbox, type TestSandbox } from './harness/sandbox';
import type { SandboxOptions } from '@/sandbox/server';

/** Gmail tabs for one test, at https://mail.google.com/; all closed when the test ends. */
export interface GmailPages {
  /** A fixture by name (tests/fixtures/gmail, then ../shared/fixtures/gmail), without .html. */
  open(name: string, hash?: string): Promise<Page>;
  /** That fixture with each `[from, to]` replaced (`fixtureVariant`), e.g. another account. */
  variant(name: string, replacements: Replacements, hash?: string): Promise<Page>;
}

export interface E2EFixtures {
  /**
   * The key the browsers are connected to the sandbox's ws_demo with when they start; null
   * starts them unconfigured. The write key unless a file says otherwise, before its tests:
   * `test.scoped({ connectWith: null })`.
   */
  connectWith: string | null;
  /** How the file's sandbox starts, beyond the harness's defaults (e.g. a higher `rateLimit`). */
  sandboxOptions: SandboxOptions;
  /**
   * Whether the file's Firefox may run code in the content script's world of a Gmail tab
   * (`evaluateInFirefoxContentScript`): its copy of the build gains `scripting`, nothing else.
   */
  firefoxContentScriptWorld: boolean;
  /**
   * The in-memory sandbox on a free port. `sandbox.whileDown(fn)` takes it down and brings a
   * fresh one back on the same port; whatever runs at the end of the file is closed.
   */
  sandbox: TestSandbox;
  /** Chromium with the built extension (`launchExtension`), connected as `connectWith` says. */
  extension: ExtensionBrowser;
  /** The extension's options page, open for the whole file: settings messages go from it. */
  extensionPage: Page;
  /**
   * The popup, opened as a tab for the whole file: writes and outbox actions go from it (the
   * worker answers each page only the messages it uses).
   */
  popupPage: Page;
  /** Firefox ESR with the Firefox build (`launchFirefoxExtension`), connected as `connectWith` says. */
  firefox: FirefoxExtension;
  gmail: GmailPages;
}

export const test = base.extend<E2EFixtures>({
  connectWith: DEMO_KEYS.write,
  sandboxOptions: {},
  firefoxContentScriptWorld: false,

  sandbox: [
    async ({ sandboxOptions }, use) => {
      const sandbox = await startTestSandbox(sandboxOptions);
      await use(sandbox);
      await sandbox.close();
    },
    { scope: 'file' },
  ],

  extension: [
    async ({ sandbox, connectWith }, use) => {
      const browser = await launchExtension();
      try {
        if (connectWith) await connectToSandbox(browser, sandbox, connectWith);
        await use(browser);
      } finally {
        await browser.close();
      }
    },
    { scope: 'file' },
  ],

  extensionPage: [
    async ({ extension }, use) => {
      await use(await openExtensionPage(extension));
    },
    { scope: 'file' },
  ],

  popupPage: [
    async ({ extension }, use) => {
      await use(await openExtensionPage(extension, 'popup.html'));
    },
    { scope: 'file' },
  ],

  firefox: [
    async ({ sandbox, connectWith, firefoxContentScriptWorld }, use) => {
      const firefox = await launchFirefoxExtension({
        contentScriptWorld: firefoxContentScriptWorld,
      });
      try {
        if (connectWith) {
          await askWorkerOk(firefox.options, 'saveSettings', {
            baseUrl: sandbox.baseUrl,
            apiKey: connectWith,
            workspaceId: 'ws_demo',
          });
        }
        await use(firefox);
      } finally {
        await firefox.close();
      }
    },
    { scope: 'file' },
  ],

  gmail: async ({ extension, task }, use) => {
    const opened: Page[] = [];
    const kept = (page: Page) => (opened.push(page), page);
    await use({
      open: async (name, hash) => kept(await openFixture(extension, name, hash)),
      variant: async (name, replacements, hash) =>
        kept(await openGmailHtml(extension, fixtureVariant(name, replacements), hash)),
    });
    if (task.result?.state === 'fail') await reportPages(opened);
    await Promise.all(opened.map((page) => page.close()));
  },
});

export { describe, expect } from 'vitest';
