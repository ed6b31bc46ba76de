/**
 * Proves the harness end to end: the built extension loads in real Chromium, its
 * content script runs on a Gmail page served at https://mail.google.com/, its
 * worker reaches the local sandbox, and nothing else leaves the machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  askWorkerOk,
  connectToSandbox,
  DEMO_KEYS,
  extensionWorker,
  launchExtension,
  openExtensionPage,
  openFixture,
  startTestSandbox,
  waitForContentScript,
  type ExtensionBrowser,
  type TestSandbox,
} from './harness';

let sandbox: TestSandbox;
let browser: ExtensionBrowser;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  browser = await launchExtension();
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

describe('the built extension in Chromium', () => {
  it('runs its content script on a Gmail thread page', async () => {
    const page = await openFixture(browser, 'thread-expanded-2025');
    await waitForContentScript(page);
    await page.close();
  });

  it("lets the worker's context reach the sandbox", async () => {
    // Proves the network policy and host permissions let the worker's fetches through.
    const worker = await extensionWorker(browser);
    const me = await worker.evaluate(
      async ([url, key]) => {
        const response = await fetch(url, {
          headers: { Authorization: `Bearer ${key}`, 'X-Workspace-ID': 'ws_demo' },
        });
        return { status: response.status, body: (await response.json()) as unknown };
      },
      [`${sandbox.baseUrl}/me`, DEMO_KEYS.write] as const,
    );
    expect(me).toMatchObject({ status: 200, body: { workspace: { id: 'ws_demo' } } });
  });

  it('answers a connection test with the workspace the sandbox reports', async () => {
    const page = await openExtensionPage(browser);
    const result = await askWorkerOk(page, 'testConnection', {
      baseUrl: sandbox.baseUrl,
      apiKey: DEMO_KEYS.write,
      workspaceId: 'ws_demo',
    });
    expect(result).toMatchObject({
      ok: true,
      workspaceId: 'ws_demo',
      workspaceName: 'Demo Workspace',
    });
    await page.close();
  });

  it("shows a participant's Vivre score from the sandbox beside them in Gmail", async () => {
    await connectToSandbox(browser, sandbox);
    const rahul = await sandbox.get<{ name: string; ai_score: number }>('/v1/contacts/cnt_8821');
    const page = await openFixture(browser, 'thread-expanded-2025');
    // Role queries pierce the chips' open shadow roots: this is what a screen reader finds.
    await expect
      .poll(
        () =>
          page
            .getByRole('button', { name: `Vivre: ${rahul.name}, AI score ${rahul.ai_score},` })
            .count(),
        { timeout: 30_000 },
      )
      .toBeGreaterThan(0);
    await page.close();
  });

  it('keeps every other request on the machine', async () => {
    const page = await openFixture(browser, 'thread-expanded-2025');
    const outcome = await page.evaluate(() =>
      fetch('https://www.example.com/', { mode: 'no-cors' }).then(
        () => 'reached',
        () => 'blocked',
      ),
    );
    expect(outcome).toBe('blocked');
    await page.close();
  });
});
