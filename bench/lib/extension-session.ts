/**
 * A browser with the built extension, connected to its own sandbox, for one group
 * of benchmarks. Built from the E2E harness; closed with everything it started.
 */
import { createServer } from 'node:net';
import {
  configureExtension,
  DEMO_KEYS,
  launchExtension,
  startTestSandbox,
  type ExtensionBrowser,
  type TestSandbox,
} from '../../tests/e2e/harness';
import { serveBenchPages } from './gmail-pages';

export interface ExtensionSession {
  browser: ExtensionBrowser;
  /** null when the session was connected to an address where nothing listens. */
  sandbox: TestSandbox | null;
  close(): Promise<void>;
}

/** A loopback base URL that refuses connections: an outbox connected to it drains nothing. */
async function deadBaseUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}

export async function openExtensionSession({
  reachable,
  rateLimit,
}: {
  reachable: boolean;
  rateLimit?: number;
}): Promise<ExtensionSession> {
  const sandbox = reachable ? await startTestSandbox({ rateLimit }) : null;
  let browser: ExtensionBrowser | undefined;
  try {
    browser = await launchExtension();
    await serveBenchPages(browser.context);
    await configureExtension(browser, {
      baseUrl: sandbox ? sandbox.baseUrl : await deadBaseUrl(),
      apiKey: DEMO_KEYS.write,
      workspaceId: 'ws_demo',
    });
  } catch (error) {
    await browser?.close();
    await sandbox?.close();
    throw error;
  }
  return {
    browser,
    sandbox,
    async close() {
      await browser.close();
      await sandbox?.close();
    },
  };
}
