/**
 * Runs code where the extension's content script runs: its isolated world in a
 * Gmail tab, with the content script's `chrome.*` and nothing more. Playwright
 * only reaches the page's main world, so this goes through the DevTools protocol.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';
import { waitFor } from './wait';

interface ExecutionContext {
  id: number;
  origin: string;
  auxData?: { type?: string; isDefault?: boolean };
}

/** Evaluates `expression` (may return a promise) in the content script's world; returns the value. */
export async function evaluateInContentScript<T>(
  browser: ExtensionBrowser,
  page: Page,
  expression: string,
): Promise<T> {
  const session = await browser.context.newCDPSession(page);
  try {
    const contexts: ExecutionContext[] = [];
    session.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
    // Enabling replays every context that already exists.
    await session.send('Runtime.enable');
    const origin = browser.extensionUrl('').replace(/\/$/, '');
    const world = await waitFor(
      () => contexts.find((c) => c.origin === origin && c.auxData?.type === 'isolated'),
      "the content script's isolated world",
    );
    const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
      contextId: world.id,
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) {
      throw new Error(
        `Content-script evaluation failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`,
      );
    }
    return result.value as T;
  } finally {
    await session.detach();
  }
}

/**
 * Runs `fn(...args)` in the content script's world and answers what it returns. `fn` is sent as
 * its source: it may use only its arguments and what a content script has (`chrome.*`, the DOM).
 */
export function evaluateFunctionInContentScript<A extends unknown[], R>(
  browser: ExtensionBrowser,
  page: Page,
  fn: (...args: A) => Promise<R>,
  ...args: A
): Promise<R> {
  const call = `(${fn.toString()})(...${JSON.stringify(args)})`;
  return evaluateInContentScript<R>(browser, page, call);
}
