/**
 * What Gmail's page can make our content script ask of the worker (issue 24), in Firefox ESR, as
 * gmail-page-trust.e2e.test.ts does in Chromium. Firefox's WebDriver BiDi offers no content-script
 * realm, so the test's copy of the build may `scripting.executeScript` and the same functions run
 * in the content script's world of the Gmail tab through it (`evaluateInFirefoxContentScript`).
 * The rep's own send is driven as a rep drives it: pointer and keys at the hosts' boxes.
 */
import { randomUUID } from 'node:crypto';
import { TOO_FAST_MESSAGE } from '@/lib/worker/outbox/enqueue-rate';
import { DEEPA, SNEHA } from '../factories';
import { describe, expect, test } from './fixtures';
import { waitFor } from './harness';
import {
  allowEmailText,
  evaluateInFirefoxContentScript,
  openFirefoxFixture,
  openLoggedCompose,
  SEND,
  type FirefoxExtension,
} from './harness/firefox';
import {
  afterForgedStorage,
  afterOptionsChange,
  ARJUN,
  copiesOnceSynced,
  FIRST_MESSAGE_ID,
  floodOfHeldSends,
  type InContentScript,
} from './harness/page-trust';

test.scoped({ sandboxOptions: { rateLimit: 100_000 }, firefoxContentScriptWorld: true });

/** A Gmail tab with the content script running, and the way into its world. */
async function gmailTab(firefox: FirefoxExtension): Promise<InContentScript> {
  const page = await openFirefoxFixture(firefox, 'thread-expanded-2025');
  await waitFor(
    () => page.evaluate(() => document.querySelector('[data-vivre-host]') !== null),
    'the content script to run on the Gmail page',
  );
  return (fn, ...args) => evaluateInFirefoxContentScript(firefox, page, fn, ...args);
}

describe('from a Gmail tab in Firefox', () => {
  // First: Firefox lets Vivre send email text only once the rep has allowed it, in options.
  test('the rep allows email text to leave', async ({ firefox }) => {
    await allowEmailText(firefox);
  });

  test('400 held sends from the content script queue no more than the tab’s budget; the rep’s send logs once', async ({
    firefox,
    sandbox,
  }) => {
    const context = { sandbox, options: firefox.options, inContentScript: await gmailTab(firefox) };
    const { flood, budget, copies } = await floodOfHeldSends(context);
    expect(flood.held).toBeGreaterThan(0);
    expect(flood.held).toBeLessThanOrEqual(budget);
    expect(flood.refused).toEqual({ [TOO_FAST_MESSAGE]: 400 - flood.held });
    expect(copies).toBe(flood.held);

    // The rep sends from a compose in another tab: "Log to Vivre" is the toggle's first word.
    const subject = `firefox real send ${randomUUID().slice(0, 8)}`;
    const page = await openLoggedCompose(firefox, subject);
    await page.locator(SEND).click();
    expect(await copiesOnceSynced(context, subject, [SNEHA, DEEPA])).toEqual([1, 1]);
    await page.close();
  });

  test('storage.local written from the content script changes nothing looked up or logged; options do', async ({
    firefox,
    sandbox,
  }) => {
    const context = { sandbox, options: firefox.options, inContentScript: await gmailTab(firefox) };
    const forged = await afterForgedStorage(context);
    expect(forged.seen).toMatchObject({
      prefs: { ok: true, value: { emailLogging: { logEmailsByDefault: false } } },
      lookups: { ok: true, value: { [DEEPA.email]: { status: 'skipped' } } },
      logged: { ok: true, value: {} },
    });
    expect(forged.loggedFor).toEqual([SNEHA.email]);
    expect(forged.inVivre).toMatchObject({ deepa: 0, forged: 0, contactsAdded: 0 });
    expect(forged.inVivre.sneha).toHaveLength(1);

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
  });
});
