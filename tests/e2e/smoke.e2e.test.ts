/**
 * Proves the harness end to end: the built extension loads in real Chromium, its
 * content script runs on a Gmail page served at https://mail.google.com/, its
 * worker reaches the local sandbox, and nothing else leaves the machine.
 */
import { RAHUL } from '../factories';
import { describe, expect, test } from './fixtures';
import {
  askWorkerOk,
  chipNames,
  connectToSandbox,
  DEMO_KEYS,
  extensionWorker,
  waitForContentScript,
} from './harness';

// The first tests meet the extension as installed; one connects it on the way.
test.scoped({ connectWith: null });

describe('the built extension in Chromium', () => {
  test('runs its content script on a Gmail thread page', async ({ gmail }) => {
    await waitForContentScript(await gmail.open('thread-expanded-2025'));
  });

  test("lets the worker's context reach the sandbox", async ({ sandbox, extension }) => {
    // Proves the network policy and host permissions let the worker's fetches through.
    const worker = await extensionWorker(extension);
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

  test('answers a connection test with the workspace the sandbox reports', async ({
    sandbox,
    extensionPage,
  }) => {
    const result = await askWorkerOk(extensionPage, 'testConnection', {
      baseUrl: sandbox.baseUrl,
      apiKey: DEMO_KEYS.write,
      workspaceId: 'ws_demo',
    });
    expect(result).toMatchObject({
      ok: true,
      workspaceId: 'ws_demo',
      workspaceName: 'Demo Workspace',
    });
  });

  test("shows a participant's Vivre score from the sandbox beside them in Gmail", async ({
    sandbox,
    extension,
    gmail,
  }) => {
    await connectToSandbox(extension, sandbox);
    const rahul = await sandbox.get<{ name: string; ai_score: number }>(`/v1/contacts/${RAHUL.id}`);
    const page = await gmail.open('thread-expanded-2025');
    // Chips have closed shadow roots: their names are read as a screen reader gets them.
    await expect
      .poll(
        async () =>
          (await chipNames(page)).filter((name) =>
            name.startsWith(`Vivre: ${rahul.name}, AI score ${rahul.ai_score},`),
          ).length,
        { timeout: 30_000 },
      )
      .toBeGreaterThan(0);
  });

  test('keeps every other request on the machine', async ({ gmail }) => {
    const page = await gmail.open('thread-expanded-2025');
    const outcome = await page.evaluate(() =>
      fetch('https://www.example.com/', { mode: 'no-cors' }).then(
        () => 'reached',
        () => 'blocked',
      ),
    );
    expect(outcome).toBe('blocked');
  });
});
