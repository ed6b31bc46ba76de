/**
 * An organisation's policy in real Firefox ESR: policies.json's `3rdparty` → `Extensions` →
 * our add-on id reaches storage.managed, and options and the worker follow it as in Chromium
 * (managed-policy.e2e.test.ts). The machine's policies.json is shared by every Firefox run and
 * every test build has the same add-on id, so this browser reads a policies.json of its own
 * (`browser.policies.alternatePath`, honoured in automation: tests/e2e/harness/firefox.ts).
 * Firefox prefers a machine-wide policies.json when one exists; then this file is skipped.
 */
import { existsSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { describe, expect, test } from './fixtures';
import { DEMO_KEYS, startTestSandbox, waitFor, type TestSandbox } from './harness';
import { launchFirefoxExtension, type FirefoxExtension } from './harness/firefox';
import { askWorker } from './harness/messaging';
import { LOCKED_REFUSAL, SET_BY_ORGANISATION } from '@/lib/shared/managed';
import { GECKO_ID } from '@/wxt.config.ts';

/** Where Debian's Firefox ESR would find a machine-wide policies.json before ours. */
const MACHINE_POLICIES = [
  '/etc/firefox/policies/policies.json',
  '/etc/firefox-esr/policies/policies.json',
  '/usr/lib/firefox-esr/distribution/policies.json',
].filter((file) => existsSync(file));
if (MACHINE_POLICIES.length) {
  console.warn(
    `Skipping the Firefox policy E2E tests: this machine has its own policies.json (${MACHINE_POLICIES.join(', ')}), which Firefox reads instead.`,
  );
}

let sandbox: TestSandbox;
let firefox: FirefoxExtension;

/** A field's value, whether it is read-only, and its hint. */
function field(page: Page, id: string) {
  return page.evaluate((fieldId) => {
    const control = document.getElementById(fieldId) as HTMLInputElement | null;
    return control
      ? {
          value: control.value,
          readOnly: control.readOnly,
          hint: document.getElementById(`${fieldId}-hint`)?.textContent?.trim() ?? '',
        }
      : null;
  }, id);
}

describe.skipIf(MACHINE_POLICIES.length > 0)('an organisation’s policy in Firefox', () => {
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    firefox = await launchFirefoxExtension({
      policies: {
        '3rdparty': {
          Extensions: {
            [GECKO_ID]: {
              apiBaseUrl: sandbox.baseUrl,
              workspaceId: 'ws_demo',
              excerptLength: 200,
              hotLeadThreshold: 150,
              locked: ['apiBaseUrl', 'workspaceId'],
            },
          },
        },
      },
    });
  });

  afterAll(async () => {
    try {
      await firefox?.close();
    } finally {
      await sandbox?.close();
    }
  });

  test('options shows the locked connection, the unlocked value editable, the wrong one reported', async () => {
    const page = firefox.options;
    const baseUrl = await waitFor(() => field(page, 'base-url'), 'the options page');
    expect(baseUrl).toEqual({ value: sandbox.baseUrl, readOnly: true, hint: SET_BY_ORGANISATION });
    expect(await field(page, 'workspace-id')).toEqual({
      value: 'ws_demo',
      readOnly: true,
      hint: SET_BY_ORGANISATION,
    });
    expect(await field(page, 'excerpt-length')).toMatchObject({ value: '200', readOnly: false });
    const problems = await page.evaluate(() =>
      [...document.querySelectorAll('#policy-problems li')].map((item) => item.textContent),
    );
    expect(problems).toEqual([
      'Your organisation’s hot-lead score isn’t valid (it must be a whole number from 0 to 100), so it was ignored.',
    ]);
  });

  test('the worker refuses a locked change', async () => {
    const answer = await askWorker(firefox.options, 'saveSettings', {
      baseUrl: sandbox.baseUrl,
      workspaceId: 'ws_other',
      apiKey: DEMO_KEYS.write,
    });
    expect(answer).toMatchObject({
      ok: false,
      error: { param: 'workspaceId', message: LOCKED_REFUSAL },
    });
  });
});
