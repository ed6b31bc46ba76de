/**
 * The end-to-end harness: real Chromium, the built extension, fixture Gmail pages, the sandbox.
 * Tests get the sandbox, the browsers and Gmail pages from ./fixtures; these are the helpers.
 */
export { axeFindings, seriousViolations, type AxeFindings } from './harness/axe';
export {
  createProfile,
  launchExtension,
  openExtensionPage,
  removeProfile,
  type ExtensionBrowser,
} from './harness/browser';
export {
  cardFrame,
  cardViolations,
  chipNames,
  focusedName,
  imageNames,
  openCardOf,
} from './harness/card';
export { evaluateInContentScript } from './harness/content-world';
export {
  configureExtension,
  connectToSandbox,
  openFixture,
  type Connection,
} from './harness/extension';
export {
  chipHostEmails,
  createSandboxContact,
  fixtureVariant,
  openGmailHtml,
  settledRowChipNames,
  VISIBLE_ROW_CHIP_EMAILS,
  waitForContentScript,
  waitForSettledChips,
  waitForSettledRowChips,
} from './harness/gmail';
export { askWorker, askWorkerOk } from './harness/messaging';
export { readFixture } from './harness/network';
export {
  enqueueNotes,
  outboxFeed,
  settledOutboxFeed,
  outboxIsEmpty,
  storedCopies,
  waitUntilSynced,
} from './harness/outbox';
export { DEMO_KEYS, startTestSandbox, type TestSandbox } from './harness/sandbox';
export {
  extensionWorker,
  runningWorkerUrls,
  stopServiceWorkers,
  waitForWorkerRunning,
} from './harness/service-worker';
export { waitFor } from './harness/wait';
