/**
 * `npm run screenshots`: the README's pictures, taken from the built extension in
 * real Chromium against the in-memory sandbox, on the Gmail fixtures the tests use.
 * Run `npm run build:test` first. Writes docs/screenshots/*.png.
 */
import path from 'node:path';
import {
  connectToSandbox,
  fixtureVariant,
  launchExtension,
  openExtensionPage,
  openFixture,
  openGmailHtml,
  startTestSandbox,
  waitForSettledChips,
} from '../tests/e2e/harness';

const out = (name: string) => path.resolve('docs/screenshots', name);

const sandbox = await startTestSandbox();
const browser = await launchExtension();
try {
  await connectToSandbox(browser, sandbox);

  // In the fixture the signed-in rep works at bluestone.example, so its colleagues
  // rightly get no chip. For the picture the rep sits at another company, so every
  // kind of chip shows: known contacts with scores and "+ Add" for the group address.
  const thread = await openGmailHtml(
    browser,
    fixtureVariant('thread-expanded-2025', [
      ['meenakshi.rao@bluestone.example', 'meenakshi.rao@vivre-demo.example'],
    ]),
  );
  await thread.setViewportSize({ width: 1100, height: 720 });
  await waitForSettledChips(thread, 6);
  await thread
    .getByRole('button', { name: /^Vivre: Rahul Sharma/ })
    .first()
    .click();
  await thread.getByRole('dialog').first().waitFor();
  await thread.screenshot({ path: out('thread-card.png') });
  await thread.close();

  const compose = await openFixture(browser, 'compose-send');
  await compose.setViewportSize({ width: 1100, height: 720 });
  await waitForSettledChips(compose, 2);
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
