/**
 * Kills the extension's service worker the way Chrome does when it decides to:
 * abruptly, whatever it is doing. Uses the DevTools protocol, because no
 * extension API can stop a worker from outside.
 */
import type { Worker } from 'playwright-core';
import type { ExtensionBrowser } from './browser';
import { waitFor } from './wait';

/** Service-worker targets that are running now (Playwright's own list lags behind a stop). */
export async function runningWorkerUrls(browser: ExtensionBrowser): Promise<string[]> {
  const cdpBrowser = browser.context.browser();
  if (!cdpBrowser) throw new Error('No browser-level CDP access for this context');
  const session = await cdpBrowser.newBrowserCDPSession();
  try {
    const { targetInfos } = await session.send('Target.getTargets');
    return targetInfos
      .filter((target) => target.type === 'service_worker')
      .map((target) => target.url)
      .filter((url) => url.startsWith(browser.extensionUrl('')));
  } finally {
    await session.detach();
  }
}

/** Stops every service worker of the profile and waits until the extension's is gone. */
export async function stopServiceWorkers(browser: ExtensionBrowser): Promise<void> {
  // ServiceWorker.* lives on page targets, not the browser target; any page will do.
  const page = await browser.context.newPage();
  try {
    const session = await browser.context.newCDPSession(page);
    await session.send('ServiceWorker.enable');
    await session.send('ServiceWorker.stopAllWorkers');
    await session.detach();
  } finally {
    await page.close();
  }
  await waitFor(
    async () => (await runningWorkerUrls(browser)).length === 0,
    'the extension service worker to stop',
  );
}

export async function waitForWorkerRunning(browser: ExtensionBrowser): Promise<void> {
  await waitFor(
    async () => (await runningWorkerUrls(browser)).length > 0,
    'the extension service worker to run',
  );
}

/** Playwright's handle on the running extension worker, to evaluate code inside it. */
export async function extensionWorker(browser: ExtensionBrowser): Promise<Worker> {
  const isOurs = (worker: Worker) => worker.url().startsWith(browser.extensionUrl(''));
  const running = browser.context.serviceWorkers().find(isOurs);
  return running ?? browser.context.waitForEvent('serviceworker', { predicate: isOurs });
}
