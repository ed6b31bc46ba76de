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
import { failedSection, type Section } from './report';
import { startSandboxProcess } from './sandbox-process';

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

export interface SessionOptions {
  /** false: connected to a loopback port where nothing listens, and no sandbox. */
  reachable: boolean;
  rateLimit?: number;
  /** Another build than `npm run build:test`'s, e.g. the one before a change. */
  buildDir?: string;
  /**
   * Default true: the sandbox in a process of its own (./sandbox-process.ts), so requests
   * never wait for this process's Playwright work; false: in this process, as before, to
   * compare the two.
   */
  sandboxOwnProcess?: boolean;
}

export async function openExtensionSession({
  reachable,
  rateLimit,
  buildDir,
  sandboxOwnProcess = true,
}: SessionOptions): Promise<ExtensionSession> {
  const startSandbox = sandboxOwnProcess ? startSandboxProcess : startTestSandbox;
  const sandbox = reachable ? await startSandbox({ rateLimit }) : null;
  let browser: ExtensionBrowser | undefined;
  try {
    browser = await launchExtension({ buildDir });
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

/**
 * One benchmark in its own session: `measure` gets the open session and returns the section;
 * a failure anywhere becomes a failed section saying why. The session is closed either way.
 */
export async function benchInSession(
  title: string,
  options: SessionOptions,
  measure: (session: ExtensionSession) => Promise<Section>,
): Promise<Section> {
  let session: ExtensionSession | undefined;
  try {
    session = await openExtensionSession(options);
    return await measure(session);
  } catch (error) {
    return failedSection(title, error);
  } finally {
    await session?.close();
  }
}
