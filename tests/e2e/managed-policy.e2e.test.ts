/**
 * An organisation's policy, in real Chromium: Debian's Chromium reads JSON policy files from
 * /etc/chromium/policies/managed/, and `3rdparty.extensions.<id>` there reaches that extension's
 * storage.managed, checked against public/managed-schema.json. That directory is the whole
 * machine's, and other E2E runs launch Chromium meanwhile: so this file's browser loads its own
 * copy of the build from a fresh temporary directory (an unpacked extension's id comes from its
 * path), the policy names only that id, in a file of its own name, removed when the file ends.
 * Without the right to write there (not root) the file is skipped; CI runs as root.
 */
import { accessSync, constants, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { describe, expect, test } from './fixtures';
import {
  createProfile,
  DEMO_KEYS,
  extensionWorker,
  launchExtension,
  openExtensionPage,
  removeProfile,
  startTestSandbox,
  waitFor,
  type ExtensionBrowser,
  type TestSandbox,
} from './harness';
import { askWorker } from './harness/messaging';
import { unpackedExtensionId } from './harness/paths';
import { LOCKED_REFUSAL, SET_BY_ORGANISATION } from '@/lib/shared/managed';

const POLICY_DIR = '/etc/chromium/policies/managed';

function policyDirWritable(): boolean {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

const writable = policyDirWritable();
if (!writable) {
  console.warn(
    `Skipping the managed-policy E2E tests: ${POLICY_DIR} can't be written by this user (run as root, as CI does).`,
  );
}

let sandbox: TestSandbox;
let browser: ExtensionBrowser;
let profile: string;
let extensionId: string;
let policyFile: string;

function writePolicy(policy: Record<string, unknown>): void {
  const file = { '3rdparty': { extensions: { [extensionId]: policy } } };
  writeFileSync(policyFile, JSON.stringify(file));
}

/** The policy this file starts with: the connection locked, two unlocked values, one wrong. */
const policy = () => ({
  apiBaseUrl: sandbox.baseUrl,
  workspaceId: 'ws_demo',
  hotLeadThreshold: 85,
  appUrl: 'http://app.example.com',
  neverLookup: ['partner.example'],
  locked: ['apiBaseUrl', 'workspaceId'],
});

async function hintOf(options: Page, id: string): Promise<string> {
  return ((await options.locator(`#${id}-hint`).textContent()) ?? '').trim();
}

describe.skipIf(!writable)('an organisation’s policy in Chromium', () => {
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    profile = createProfile();
    // Where launchExtension copies the build for this profile: made now, so its id is known.
    const copy = `${profile}.extension`;
    mkdirSync(copy);
    extensionId = unpackedExtensionId(copy);
    policyFile = path.join(POLICY_DIR, `vivre-e2e-${extensionId}-${process.pid}.json`);
    writePolicy(policy());
    browser = await launchExtension({ userDataDir: profile });
  });

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      if (policyFile) rmSync(policyFile, { force: true });
      if (profile) removeProfile(profile);
      await sandbox?.close();
    }
  });

  test('the policy names the id Chromium gave this copy of the extension', async () => {
    const worker = await extensionWorker(browser);
    expect(new URL(worker.url()).host).toBe(extensionId);
  });

  test('options shows the locked connection as set by the organisation, and the wrong value', async () => {
    const options = await openExtensionPage(browser, 'options.html');
    const baseUrl = options.getByLabel('API base URL');
    const workspace = options.getByLabel('Workspace ID');
    await baseUrl.waitFor();
    expect(await baseUrl.inputValue()).toBe(sandbox.baseUrl);
    expect(await workspace.inputValue()).toBe('ws_demo');
    expect(await baseUrl.getAttribute('readonly')).not.toBeNull();
    expect(await workspace.getAttribute('readonly')).not.toBeNull();
    expect(await hintOf(options, 'base-url')).toBe(SET_BY_ORGANISATION);
    expect(await hintOf(options, 'workspace-id')).toBe(SET_BY_ORGANISATION);
    // The key field stays the rep's own.
    expect(await options.getByLabel('API key').getAttribute('readonly')).toBeNull();

    const problems = await options.locator('#policy-problems li').allTextContents();
    expect(problems).toEqual([
      'Your organisation’s Vivre web app address isn’t valid (Use https:// — plain http is only allowed for localhost and 127.0.0.1), so it was ignored.',
    ]);
    expect(await options.locator('#organisation-never-lookup').textContent()).toContain(
      'partner.example',
    );
    await options.close();
  });

  test('the rep connects with their own key to the organisation’s workspace', async () => {
    const options = await openExtensionPage(browser, 'options.html');
    await options.getByLabel('API key').fill(DEMO_KEYS.write);
    await options.getByRole('button', { name: 'Test and save' }).click();
    const status = options.locator('#connection-status');
    const said = await waitFor(async () => {
      const text = ((await status.textContent()) ?? '').trim();
      return text && !text.endsWith('…') ? text : false;
    }, 'the connection test to answer');
    expect(said).toMatch(/^Connected to .+ \(ws_demo\) and saved\.$/);
    await options.close();
  });

  test('the worker refuses a locked change whatever page asks', async () => {
    const options = await openExtensionPage(browser, 'options.html');
    const answer = await askWorker(options, 'saveSettings', {
      baseUrl: sandbox.baseUrl,
      workspaceId: 'ws_other',
      apiKey: DEMO_KEYS.write,
    });
    expect(answer).toMatchObject({
      ok: false,
      error: { param: 'workspaceId', message: LOCKED_REFUSAL },
    });
    await options.close();
  });

  test('an unlocked value starts as the organisation’s and stays the rep’s to change', async () => {
    const options = await openExtensionPage(browser, 'options.html');
    const threshold = options.getByLabel('Mark a row as a hot lead from this AI score');
    await threshold.waitFor();
    expect(await threshold.inputValue()).toBe('85');
    expect(await threshold.getAttribute('readonly')).toBeNull();
    await threshold.fill('60');
    await threshold.blur();
    await waitFor(
      async () => (await options.locator('#inbox-list-status').textContent()) === 'Saved.',
      'the hot-lead score to be saved',
    );
    await options.reload();
    await threshold.waitFor();
    expect(await threshold.inputValue()).toBe('60');
    await options.close();
  });

  test('a policy changed while the browser runs applies at once, and locks what it names', async () => {
    const options = await openExtensionPage(browser, 'options.html');
    const threshold = options.getByLabel('Mark a row as a hot lead from this AI score');
    await threshold.waitFor();
    writePolicy({
      ...policy(),
      hotLeadThreshold: 90,
      locked: [...policy().locked, 'hotLeadThreshold'],
    });
    // Chromium notices the file, then the options page follows storage.managed's change.
    await waitFor(
      async () => (await hintOf(options, 'hot-lead-threshold')) === SET_BY_ORGANISATION,
      'the changed policy to reach the options page',
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    // The hint and the field are drawn from the same re-read, but may land a frame apart.
    await expect.poll(() => threshold.inputValue(), { timeout: 30_000 }).toBe('90');
    expect(await threshold.getAttribute('readonly')).not.toBeNull();
    await options.close();
  });
});
