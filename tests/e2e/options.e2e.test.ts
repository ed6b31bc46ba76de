/**
 * A rep connecting, in real Chromium against the sandbox: the options page names each
 * connection problem in one sentence that says what to check (never one that contradicts the
 * problem), keeps nothing Vivre refused, and connects with the key masked. (Test builds start
 * connected to the sandbox's demo key, so the first-run popup is a unit test:
 * tests/unit/components/popup/popup-states.test.tsx.)
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from './fixtures';
import { DEMO_KEYS, openExtensionPage, seriousViolations, waitFor } from './harness';

async function fillConnection(options: Page, apiKey: string, workspaceId: string, baseUrl: string) {
  await options.getByLabel('API key').fill(apiKey);
  await options.getByLabel('Workspace ID').fill(workspaceId);
  await options.getByLabel('API base URL').fill(baseUrl);
}

/** Clicks "Test and save" and returns the connection section's sentence once it has settled. */
async function testAndSave(options: Page): Promise<string> {
  const status = options.locator('#connection-status');
  await options.getByRole('button', { name: 'Test and save' }).click();
  return waitFor(async () => {
    const text = ((await status.textContent()) ?? '').trim();
    return text && !text.endsWith('…') ? text : false;
  }, 'the connection test to answer');
}

const keyHint = (options: Page) => options.locator('#api-key-hint').textContent();

/** One sentence: no full stop followed by more words. */
const sentences = (text: string) => text.split(/[.!?](?:\s+|$)/).filter((part) => part.trim());

describe('options page', () => {
  test('names each connection problem in one sentence, then connects with the key masked', async ({
    sandbox,
    extension,
  }) => {
    const options = await openExtensionPage(extension, 'options.html');
    const before = await sandbox.counts();
    const workspaceField = options.getByLabel('Workspace ID');
    const kept = { workspace: await workspaceField.inputValue(), hint: await keyHint(options) };
    const problems: string[] = [];
    const expectProblem = async (pattern: RegExp, not?: RegExp) => {
      const text = await testAndSave(options);
      problems.push(text);
      expect(text).toMatch(pattern);
      if (not) expect(text).not.toMatch(not);
    };

    await fillConnection(options, 'vv_test_short', 'ws_demo', sandbox.baseUrl);
    await expectProblem(/nothing was saved/);
    expect(await options.getByLabel('API key').getAttribute('aria-invalid')).toBe('true');

    // Wrong key, wrong workspace, nobody there, the web address instead of the API's.
    await fillConnection(options, 'vv_test_not_a_real_key_000000000', 'ws_demo', sandbox.baseUrl);
    await expectProblem(/didn’t accept this API key/);
    await fillConnection(options, DEMO_KEYS.write, 'ws_other', sandbox.baseUrl);
    await expectProblem(/can’t open workspace ws_other/, /write access/);
    await fillConnection(options, DEMO_KEYS.write, 'ws_demo', 'http://127.0.0.1:9/v1');
    await expectProblem(/Couldn’t reach 127\.0\.0\.1:9/);
    // Only unreachable offers to save anyway: the other problems are the settings' own.
    expect(await options.getByRole('button', { name: 'Save without testing' }).count()).toBe(1);
    await fillConnection(options, DEMO_KEYS.write, 'ws_demo', sandbox.url);
    await expectProblem(/ends in \/v1/, /deleted/);
    expect(problems.map((text) => sentences(text).length)).toEqual([1, 1, 1, 1, 1]);
    // Nothing Vivre refused was kept: a fresh page shows the settings from before.
    await options.reload();
    await workspaceField.waitFor();
    expect({ workspace: await workspaceField.inputValue(), hint: await keyHint(options) }).toEqual(
      kept,
    );

    // A read-only key connects, and says plainly what it cannot do.
    await fillConnection(options, DEMO_KEYS.read, 'ws_demo', sandbox.baseUrl);
    const readOnly = await testAndSave(options);
    expect(readOnly).toMatch(/read-only, so you’ll see scores and cards but can’t log/);
    expect(sentences(readOnly)).toHaveLength(1);

    await fillConnection(options, DEMO_KEYS.write, 'ws_demo', sandbox.baseUrl);
    expect(await testAndSave(options)).toMatch(/^Connected to .+ \(ws_demo\) and saved\.$/);
    expect(await options.getByLabel('API key').inputValue()).toBe('');
    const hint = await keyHint(options);
    expect(hint).toMatch(/Saved key:/);
    expect(hint).not.toContain(DEMO_KEYS.write);
    expect(await sandbox.counts()).toEqual(before);
    expect(await seriousViolations(options)).toEqual([]);
    await options.close();
  });
});

describe('Open in Vivre', () => {
  test('goes to the web app address set in Options, where the sandbox shows the contact once signed in', async ({
    sandbox,
    extension,
  }) => {
    const options = await openExtensionPage(extension, 'options.html');
    // The sandbox serves the app beside its API; "localhost" proves the saved address is used.
    const appUrl = sandbox.url.replace('127.0.0.1', 'localhost');
    await options.getByLabel('Vivre web app address').fill(`${appUrl}/`);
    await options.getByLabel('Vivre web app address').blur();
    await options.locator('#app-link-status').filter({ hasText: 'Saved.' }).waitFor();
    await options.close();

    const popup = await openExtensionPage(extension, 'popup.html');
    await popup.getByRole('combobox', { name: 'Contact' }).fill('Deepa Menon');
    await popup.getByRole('option', { name: /Deepa Menon/ }).click();
    const link = popup.getByRole('link', { name: 'Open in Vivre' });
    expect(await link.getAttribute('href')).toBe(`${appUrl}/contacts/cnt_8826`);

    const [app] = await Promise.all([popup.context().waitForEvent('page'), link.click()]);
    // Like the real app, the sandbox's page wants a signed-in browser: a ws_demo key, once.
    await app!.getByLabel('API key').fill(DEMO_KEYS.read);
    await app!.getByRole('button', { name: 'Sign in' }).click();
    await app!.getByRole('heading', { name: 'Deepa Menon' }).waitFor();
    expect(await app!.locator('main').textContent()).toContain('Kiran Logistics — Fleet plan');
    await app!.close();
    await popup.close();
  });
});
