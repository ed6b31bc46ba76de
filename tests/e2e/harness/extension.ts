/**
 * The extension as a rep meets it: connected to a workspace, and a Gmail page
 * with the content script running.
 */
import type { Page } from 'playwright-core';
import type { SettingsView } from '@/lib/shared/messaging/protocol';
import { openExtensionPage, type ExtensionBrowser } from './browser';
import { askWorkerOk } from './messaging';
import { FIXTURE_PARAM } from './network';
import { DEMO_KEYS, type TestSandbox } from './sandbox';

export interface Connection {
  baseUrl: string;
  apiKey: string;
  workspaceId: string;
}

/** Saves the connection settings through the worker, as the options page does. */
export async function configureExtension(
  browser: ExtensionBrowser,
  connection: Connection,
): Promise<SettingsView> {
  const page = await openExtensionPage(browser);
  try {
    return await askWorkerOk(page, 'saveSettings', connection);
  } finally {
    await page.close();
  }
}

/** Connects the extension to a test sandbox's demo workspace (write key unless told otherwise). */
export function connectToSandbox(
  browser: ExtensionBrowser,
  sandbox: TestSandbox,
  apiKey: string = DEMO_KEYS.write,
): Promise<SettingsView> {
  return configureExtension(browser, { baseUrl: sandbox.baseUrl, apiKey, workspaceId: 'ws_demo' });
}

/**
 * Opens a Gmail fixture (tests/fixtures/gmail or ../shared/fixtures/gmail, by name
 * without .html) at a real https://mail.google.com/ address, so the manifest's
 * `matches` decide whether the content script runs.
 */
export async function openFixture(
  browser: ExtensionBrowser,
  name: string,
  hash = '#inbox',
): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`https://mail.google.com/mail/u/0/?${FIXTURE_PARAM}=${name}${hash}`);
  return page;
}
