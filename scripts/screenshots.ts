/**
 * `npm run screenshots`: the README's pictures, taken from the built extension in real
 * Chromium against the in-memory sandbox, on the Gmail fixtures the tests use dressed in
 * Gmail's look by our own stylesheet (scripts/screenshots/), and the same scenes as the
 * stores want them: exactly 1280×800. The sandbox listens on a fixed port so the address the
 * settings page shows is the same in every run.
 * Run `npm run build:test` first. Writes docs/screenshots/*.png and docs/store/store-*.png.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  connectToSandbox,
  launchExtension,
  startTestSandbox,
  type ExtensionBrowser,
  type TestSandbox,
} from '../tests/e2e/harness';
import { openInbox, scenes, STORE_SIZE, type Scene } from './screenshots/scenes';
import { assertStoreSize, panelOverBackdrop, pngSize } from './screenshots/store-image';

/** The sandbox's port in every picture (the settings page shows its address). */
const SANDBOX_PORT = Number(process.env.VIVRE_SCREENSHOTS_PORT ?? 8787);

const readmeOut = (name: string) => path.resolve('docs/screenshots', name);
const storeOut = (name: string) => path.resolve('docs/store', name);

async function startSandboxOnFixedPort(): Promise<TestSandbox> {
  try {
    return await startTestSandbox({ port: SANDBOX_PORT });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    throw new Error(
      `Port ${SANDBOX_PORT} is taken, and the pictures show the sandbox's address: free it, ` +
        'or pick another with VIVRE_SCREENSHOTS_PORT.',
      { cause: error },
    );
  }
}

/** The scene shot once at `size`: the viewport, or the whole page when the scene says so. */
async function shoot(browser: ExtensionBrowser, scene: Scene, size = scene.viewport) {
  const page = await scene.open(browser, size);
  try {
    return await page.screenshot({ fullPage: scene.fullPage ?? false });
  } finally {
    await page.close();
  }
}

/** The Gmail inbox at the store's size, behind the popup in its store picture. */
async function inboxBackdrop(browser: ExtensionBrowser): Promise<Buffer> {
  const page = await openInbox(browser, STORE_SIZE);
  try {
    return await page.screenshot();
  } finally {
    await page.close();
  }
}

async function writeScene(browser: ExtensionBrowser, scene: Scene): Promise<void> {
  const readme = await shoot(browser, scene);
  writeFileSync(readmeOut(scene.readme), readme);
  if (!scene.store) return;
  const sameShot =
    scene.storeLayout === 'viewport' &&
    !scene.fullPage &&
    scene.viewport.width === STORE_SIZE.width &&
    scene.viewport.height === STORE_SIZE.height;
  const store = sameShot
    ? readme
    : scene.storeLayout === 'viewport'
      ? await shoot(browser, { ...scene, fullPage: false }, STORE_SIZE)
      : await panelOverBackdrop(browser, await inboxBackdrop(browser), readme);
  assertStoreSize(store, scene.store);
  writeFileSync(storeOut(scene.store), store);
}

const sandbox = await startSandboxOnFixedPort();
const browser = await launchExtension();
try {
  await connectToSandbox(browser, sandbox);
  mkdirSync(path.resolve('docs/store'), { recursive: true });
  const only = process.argv.slice(2);
  for (const scene of scenes) {
    if (only.length === 0 || only.some((name) => scene.readme.startsWith(name))) {
      await writeScene(browser, scene);
    }
  }
  // Said again from the files on disk, so a wrong size can never pass unnoticed.
  for (const { store } of scenes) {
    if (!store || !existsSync(storeOut(store))) continue;
    const { width, height } = pngSize(readFileSync(storeOut(store)));
    console.log(`docs/store/${store}: ${width}×${height}`);
  }
  console.log('Screenshots written to docs/screenshots/ and docs/store/.');
} finally {
  await browser.close();
  await sandbox.close();
}
