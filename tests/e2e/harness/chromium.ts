/**
 * How this project starts Debian's Chromium, headless, for the E2E tests, the benchmarks
 * and the scripts that render with it (scripts/render-icons.ts): one binary, one set of
 * flags that keep it from talking to anything on its own.
 */
import type { LaunchOptions } from 'playwright-core';

/** Debian's Chromium, or CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** No sandbox (containers), no GPU, no first-run UI, and none of Chromium's own traffic. */
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Options for `chromium.launch` or `launchPersistentContext`: headless (Playwright's
 * `headless: true` is Chromium's new headless mode, which loads extensions), with `args` added.
 */
export function chromiumLaunchOptions(args: string[] = []): LaunchOptions {
  return { executablePath: chromiumPath, headless: true, args: [...QUIET_FLAGS, ...args] };
}
