/**
 * The outbox's promise, in real Chromium: a write the rep saw as "saved" reaches
 * Vivre exactly once, even when Chrome kills the worker mid-request or the browser
 * closes with writes still waiting.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from './fixtures';
import {
  connectToSandbox,
  createProfile,
  enqueueNotes,
  launchExtension,
  openExtensionPage,
  outboxFeed,
  removeProfile,
  stopServiceWorkers,
  storedCopies,
  waitFor,
  waitUntilSynced,
} from './harness';

// Each test launches (and relaunches) browsers of its own: their lifetime is what it tests.
describe('the outbox in the real worker', () => {
  test('delivers every write exactly once when Chrome stops the worker mid-flush', async ({
    sandbox,
  }) => {
    const browser = await launchExtension();
    try {
      await connectToSandbox(browser, sandbox);
      // Slow answers keep a request in flight most of the time, so the stop lands mid-request.
      sandbox.setFaults({ latencyMs: 700 });
      const before = (await sandbox.counts()).activities;
      const page = await openExtensionPage(browser, 'popup.html');
      const notes = await enqueueNotes(page, 'worker-stop', 6);
      await page.close();

      const reached = await waitFor(async () => {
        const arrived = (await sandbox.counts()).activities - before;
        return arrived > 0 && arrived;
      }, 'the flush to deliver its first write');
      // The premise of the test: the worker is stopped with writes still to send.
      expect(reached).toBeLessThan(notes.length);
      await stopServiceWorkers(browser);
      sandbox.setFaults({ latencyMs: 0 });

      // A rep opening the popup wakes the worker; the popup and the worker's start-up both flush.
      const popup = await openExtensionPage(browser, 'popup.html');
      const copies = await waitUntilSynced(popup, sandbox, notes);
      expect(copies).toEqual(notes.map(() => 1));
    } finally {
      sandbox.setFaults({ latencyMs: 0, errorRate: 0 });
      await browser.close();
    }
  });

  test('delivers every write exactly once after the browser closes with writes waiting', async ({
    sandbox,
  }) => {
    const profile = createProfile();
    try {
      let browser = await launchExtension({ userDataDir: profile });
      await connectToSandbox(browser, sandbox);
      // Vivre is failing: every write stays in the outbox.
      sandbox.setFaults({ errorRate: 1 });
      const page = await openExtensionPage(browser, 'popup.html');
      const notes = await enqueueNotes(page, 'relaunch', 4);
      await waitFor(async () => {
        const waiting = (await outboxFeed(page))?.waiting ?? [];
        return waiting.length === notes.length && waiting.some((item) => item.attempts > 0);
      }, 'the worker to have tried to send and kept every write');
      await browser.close();

      sandbox.setFaults({ errorRate: 0 });
      // The premise: nothing reached Vivre before the browser closed.
      expect(await storedCopies(sandbox, notes)).toEqual(notes.map(() => 0));
      browser = await launchExtension({ userDataDir: profile });
      const visited = urlsVisited(browser.context);
      try {
        const popup = await openExtensionPage(browser, 'popup.html');
        const copies = await waitUntilSynced(popup, sandbox, notes);
        expect(copies).toEqual(notes.map(() => 1));
        // Chrome calls the reloaded build a new install: with a key saved, no settings page
        // opens over the rep's tabs (it once took over the popup's tab mid-navigation).
        expect(visited).not.toContain(browser.extensionUrl('options.html'));
      } finally {
        await browser.close();
      }
    } finally {
      sandbox.setFaults({ latencyMs: 0, errorRate: 0 });
      removeProfile(profile);
    }
  });
});

/** Every address the context's tabs show from now on, and those they show already. */
function urlsVisited(context: BrowserContext): string[] {
  const urls: string[] = [];
  const follow = (page: Page) => {
    urls.push(page.url());
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) urls.push(frame.url());
    });
  };
  context.pages().forEach(follow);
  context.on('page', follow);
  return urls;
}
