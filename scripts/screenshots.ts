/**
 * `npm run screenshots`: the README's pictures, taken from the built extension in
 * real Chromium against the in-memory sandbox, on the Gmail fixtures the tests use.
 * Run `npm run build:test` first. Writes docs/screenshots/*.png.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  configureExtension,
  readFixture,
  DEMO_KEYS,
  launchExtension,
  openExtensionPage,
  openFixture,
  startTestSandbox,
  waitFor,
} from '../tests/e2e/harness';

const out = (name: string) => path.resolve('docs/screenshots', name);

async function settled(page: Page, count: number): Promise<void> {
  // A chip is settled once its lookup answered: a score or "+ Add", no longer loading.
  await waitFor(
    () =>
      page.evaluate(
        (n) =>
          [...document.querySelectorAll('[data-vivre-email]')].filter((host) =>
            host.shadowRoot?.querySelector(
              'button[aria-label*="AI score"], button[aria-label*="not in Vivre"]',
            ),
          ).length >= n,
        count,
      ),
    `${count} settled chips`,
    { timeoutMs: 30_000 },
  );
}

const sandbox = await startTestSandbox();
const browser = await launchExtension();
try {
  await configureExtension(browser, {
    baseUrl: sandbox.baseUrl,
    apiKey: DEMO_KEYS.write,
    workspaceId: 'ws_demo',
  });

  // In the fixture the signed-in rep works at bluestone.example, so its colleagues
  // rightly get no chip. For the picture the rep sits at another company, so every
  // kind of chip shows: known contacts with scores and "+ Add" for the group address.
  const thread = await browser.context.newPage();
  await thread.route('https://mail.google.com/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: readFixture('thread-expanded-2025').replace(
        'meenakshi.rao@bluestone.example',
        'meenakshi.rao@vivre-demo.example',
      ),
    }),
  );
  await thread.goto('https://mail.google.com/mail/u/0/#inbox/demo');
  await thread.setViewportSize({ width: 1100, height: 720 });
  await settled(thread, 6);
  await thread
    .getByRole('button', { name: /^Vivre: Rahul Sharma/ })
    .first()
    .click();
  await thread.getByRole('dialog').first().waitFor();
  await thread.screenshot({ path: out('thread-card.png') });
  await thread.close();

  const compose = await openFixture(browser, 'compose-send');
  await compose.setViewportSize({ width: 1100, height: 720 });
  await settled(compose, 2);
  await compose.getByRole('checkbox', { name: 'Log to Vivre' }).first().check();
  await compose
    .getByText(/^Logs for /)
    .first()
    .waitFor();
  await compose.screenshot({ path: out('compose.png') });
  await compose.close();

  const popup = await openExtensionPage(browser, 'popup.html');
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.getByRole('button', { name: 'Log activity' }).waitFor();
  await popup.screenshot({ path: out('popup.png') });
  await popup.close();

  const options = await openExtensionPage(browser, 'options.html');
  await options.setViewportSize({ width: 900, height: 900 });
  await options.getByRole('button', { name: 'Save' }).first().waitFor();
  await options.screenshot({ path: out('options.png'), fullPage: true });
  await options.close();
  console.log('Screenshots written to docs/screenshots/.');
} finally {
  await browser.close();
  await sandbox.close();
}
