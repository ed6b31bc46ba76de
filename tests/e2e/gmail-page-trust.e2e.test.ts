/**
 * What Gmail's page can make our content script ask of the worker (issue 24), in Chromium: code
 * run in the content script's own world (the DevTools protocol reaches it; harness/content-world.ts)
 * floods the worker with held sends and writes storage.local, as a page driving the content
 * script's inputs could; each is paired with what the rep really does, which still works.
 * The same in Firefox: firefox-gmail-page-trust.e2e.test.ts.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { TOO_FAST_MESSAGE } from '@/lib/worker/outbox/enqueue-rate';
import { DEEPA, SNEHA } from '../factories';
import { describe, expect, test } from './fixtures';
import { waitForContentScript, type ExtensionBrowser } from './harness';
import { evaluateFunctionInContentScript } from './harness/content-world';
import {
  afterForgedStorage,
  afterOptionsChange,
  ARJUN,
  copiesOnceSynced,
  FIRST_MESSAGE_ID,
  floodOfHeldSends,
  type InContentScript,
} from './harness/page-trust';
import { clickControl, repControl, repStatus } from './harness/rep-controls';

// Vivre's own rate limit would make the flood's writes take minutes to arrive: not what is tested.
test.scoped({ sandboxOptions: { rateLimit: 100_000 } });

const TOGGLE = 'vivre-email-log';
const LOG_TO_VIVRE = { role: 'checkbox', name: 'Log to Vivre' };

function contentScriptOf(extension: ExtensionBrowser, page: Page): InContentScript {
  return (fn, ...args) => evaluateFunctionInContentScript(extension, page, fn, ...args);
}

/** Whether a new compose starts with "Log to Vivre" on. */
async function logsByDefault(page: Page): Promise<boolean> {
  return Boolean((await repControl(page, TOGGLE, LOG_TO_VIVRE)).checked);
}

describe('held sends from a Gmail tab', () => {
  test('400 from the content script queue no more than the tab’s budget; the rep’s send logs once', async ({
    extension,
    extensionPage,
    sandbox,
    gmail,
  }) => {
    const thread = await gmail.open('thread-expanded-2025');
    await waitForContentScript(thread);
    const inContentScript = contentScriptOf(extension, thread);
    const { flood, budget, copies } = await floodOfHeldSends({
      sandbox,
      options: extensionPage,
      inContentScript,
    });
    expect(flood.held).toBeGreaterThan(0);
    expect(flood.held).toBeLessThanOrEqual(budget);
    expect(flood.refused).toEqual({ [TOO_FAST_MESSAGE]: 400 - flood.held });
    expect(copies).toBe(flood.held);

    // The rep sends from a compose (another tab: the flood spent that tab's budget).
    const subject = `real send ${randomUUID().slice(0, 8)}`;
    const compose = await gmail.open('compose-send');
    await compose.locator('input[name=subjectbox]').fill(subject);
    await clickControl(compose, await repControl(compose, TOGGLE, LOG_TO_VIVRE));
    await expect
      .poll(() => repStatus(compose, TOGGLE), { timeout: 30_000 })
      .toBe('Logs for Sneha Kulkarni, Deepa Menon.');
    await compose.getByRole('button', { name: /^Send/ }).click();
    await expect
      .poll(() => repStatus(compose, 'vivre-held-send'), { timeout: 30_000 })
      .toBe('Vivre logged this email for Sneha Kulkarni, Deepa Menon.');
    const context = { sandbox, options: extensionPage };
    expect(await copiesOnceSynced(context, subject, [SNEHA, DEEPA])).toEqual([1, 1]);
  });
});

describe('storage.local written from the content script', () => {
  test('changes nothing that is looked up or logged, while the rep’s changes in options do', async ({
    extension,
    extensionPage,
    sandbox,
    gmail,
  }) => {
    const thread = await gmail.open('thread-expanded-2025');
    await waitForContentScript(thread);
    const context = {
      sandbox,
      options: extensionPage,
      inContentScript: contentScriptOf(extension, thread),
    };

    const forged = await afterForgedStorage(context);
    expect(forged.seen).toMatchObject({
      prefs: { ok: true, value: { emailLogging: { logEmailsByDefault: false } } },
      lookups: { ok: true, value: { [DEEPA.email]: { status: 'skipped' } } },
      logged: { ok: true, value: {} },
    });
    expect(forged.loggedFor).toEqual([SNEHA.email]);
    expect(forged.inVivre).toMatchObject({ deepa: 0, forged: 0, contactsAdded: 0 });
    // The subject, two blank-line characters and at most the 500 characters the rep chose.
    expect(forged.inVivre.sneha).toHaveLength(1);
    expect(forged.inVivre.sneha[0]!.note!.length).toBeLessThanOrEqual(`sent 12345678`.length + 502);
    expect(await logsByDefault(await gmail.open('compose-send'))).toBe(false);

    const changed = await afterOptionsChange(context);
    expect(changed.seen).toMatchObject({
      prefs: {
        ok: true,
        value: { emailLogging: { logEmailsByDefault: true, addUnknownRecipients: true } },
      },
      lookups: { ok: true, value: { [DEEPA.email]: { status: 'found' } } },
      logged: { ok: true, value: { [FIRST_MESSAGE_ID]: expect.any(Number) } },
    });
    expect(changed.loggedFor).toEqual([SNEHA.email, DEEPA.email, ARJUN.email]);
    expect(changed.copies).toEqual([1, 1]);
    expect(changed.contactsAdded).toBe(1);
    expect(await logsByDefault(await gmail.open('compose-send'))).toBe(true);
  });
});
