/**
 * `npm run screenshots`: the README's pictures, taken from the built extension in
 * real Chromium against the in-memory sandbox, on the Gmail fixtures the tests use,
 * and the same scenes as the stores want them: exactly 1280×800.
 * Run `npm run build:test` first. Writes docs/screenshots/*.png and docs/store/store-*.png.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import {
  connectToSandbox,
  fixtureVariant,
  launchExtension,
  openExtensionPage,
  openFixture,
  openCardOf,
  openGmailHtml,
  startTestSandbox,
  waitForSettledChips,
  type ExtensionBrowser,
} from '../tests/e2e/harness';
import { REP_ELSEWHERE } from '../tests/fixtures/gmail/variants';

interface Size {
  width: number;
  height: number;
}

/** One picture: how to set it up, and where the README and the stores get it. */
interface Scene {
  /** docs/screenshots/<readme>: the README's picture, at `viewport`. */
  readme: string;
  /** docs/store/<store>: the stores' picture, always STORE_SIZE (see writeStoreVariant). */
  store: string;
  viewport: Size;
  fullPage?: boolean;
  /**
   * How the store picture is made. 'viewport': the scene again in a 1280×800 window (a Gmail
   * page fills any window). 'centred': the extension page at its own size (cut to the `panel`
   * element, with a margin, when given) centred on a neutral backdrop, never stretched.
   */
  storeLayout: { kind: 'viewport' } | { kind: 'centred'; panel?: string };
  /** Opens the scene in a new tab with a `size` viewport, ready to shoot. */
  open(browser: ExtensionBrowser, size: Size): Promise<Page>;
}

/** The Chrome Web Store's screenshot size (AMO takes it too). */
const STORE_SIZE: Size = { width: 1280, height: 800 };
const BACKDROP = '#e8eaed';
const PANEL_MARGIN = 24;

const readmeOut = (name: string) => path.resolve('docs/screenshots', name);
const storeOut = (name: string) => path.resolve('docs/store', name);

/** A scene of an extension page: opened at the scene's size, ready once `ready` is there. */
function extensionPageScene(file: string, ready: (page: Page) => Locator): Scene['open'] {
  return async (browser, size) => {
    const page = await openExtensionPage(browser, file);
    await page.setViewportSize(size);
    await ready(page).waitFor();
    return page;
  };
}

const scenes: Scene[] = [
  {
    readme: 'thread-card.png',
    store: 'store-1-thread-card.png',
    viewport: { width: 1100, height: 720 },
    storeLayout: { kind: 'viewport' },
    async open(browser, size) {
      // The rep at another company, so every kind of chip shows: known contacts with
      // scores and "+ Add" for the group address.
      const thread = await openGmailHtml(
        browser,
        fixtureVariant('thread-expanded-2025', REP_ELSEWHERE),
      );
      await thread.setViewportSize(size);
      await waitForSettledChips(thread, 6);
      const card = await openCardOf(thread, 'rahul.sharma@acme-tech.example');
      await card.getByText('Loading deals and activity…').waitFor({ state: 'detached' });
      return thread;
    },
  },
  {
    readme: 'compose.png',
    store: 'store-3-compose.png',
    viewport: { width: 1100, height: 720 },
    storeLayout: { kind: 'viewport' },
    async open(browser, size) {
      const compose = await openFixture(browser, 'compose-send');
      await compose.setViewportSize(size);
      await waitForSettledChips(compose, 2);
      await compose.getByRole('checkbox', { name: 'Log to Vivre' }).first().check();
      await compose
        .getByText(/^Logs for /)
        .first()
        .waitFor();
      return compose;
    },
  },
  {
    readme: 'popup.png',
    store: 'store-2-popup.png',
    viewport: { width: 400, height: 600 },
    storeLayout: { kind: 'centred' },
    open: extensionPageScene('popup.html', (popup) =>
      popup.getByRole('button', { name: 'Log activity' }),
    ),
  },
  {
    readme: 'options.png',
    store: 'store-4-options.png',
    viewport: { width: 900, height: 900 },
    fullPage: true,
    storeLayout: { kind: 'centred', panel: 'main' },
    open: extensionPageScene('options.html', (options) =>
      options.getByRole('button', { name: 'Save' }).first(),
    ),
  },
];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): Size {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The extension page as it is, cut to the panel element (plus a margin) when the scene names one. */
async function shootPanel(page: Page, scene: Scene, panel?: string): Promise<Buffer> {
  if (!panel) return page.screenshot({ fullPage: scene.fullPage ?? false });
  const box = await page.locator(panel).boundingBox();
  if (!box) throw new Error(`${scene.store}: no visible "${panel}" to shoot`);
  const pageSize = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
  }));
  const x = Math.max(0, box.x - PANEL_MARGIN);
  const y = Math.max(0, box.y - PANEL_MARGIN);
  const clip = {
    x,
    y,
    width: Math.min(pageSize.width, box.x + box.width + PANEL_MARGIN) - x,
    height: Math.min(pageSize.height, box.y + box.height + PANEL_MARGIN) - y,
  };
  return page.screenshot({ clip, fullPage: true });
}

/** `image` centred on a STORE_SIZE backdrop, scaled down only if it would not fit. */
async function onBackdrop(browser: ExtensionBrowser, image: Buffer): Promise<Buffer> {
  const page = await browser.context.newPage();
  try {
    await page.setViewportSize(STORE_SIZE);
    const max = { width: STORE_SIZE.width - 64, height: STORE_SIZE.height - 48 };
    await page.setContent(
      `<!doctype html><html><body style="margin:0;width:${STORE_SIZE.width}px;` +
        `height:${STORE_SIZE.height}px;display:grid;place-items:center;background:${BACKDROP};` +
        `overflow:hidden"><img alt="" src="data:image/png;base64,${image.toString('base64')}" ` +
        `style="display:block;max-width:${max.width}px;max-height:${max.height}px;` +
        `border-radius:10px;box-shadow:0 2px 6px rgba(60,64,67,.15),0 8px 28px rgba(60,64,67,.25)">` +
        `</body></html>`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    return await page.screenshot();
  } finally {
    await page.close();
  }
}

/** Writes a scene's store picture, exactly STORE_SIZE, into docs/store/. */
async function writeStoreVariant(browser: ExtensionBrowser, scene: Scene): Promise<void> {
  const layout = scene.storeLayout;
  const page = await scene.open(browser, layout.kind === 'viewport' ? STORE_SIZE : scene.viewport);
  let png: Buffer;
  try {
    png =
      layout.kind === 'viewport'
        ? await page.screenshot()
        : await onBackdrop(browser, await shootPanel(page, scene, layout.panel));
  } finally {
    await page.close();
  }
  const size = pngSize(png);
  if (size.width !== STORE_SIZE.width || size.height !== STORE_SIZE.height) {
    throw new Error(`${scene.store} came out ${size.width}×${size.height}, not 1280×800`);
  }
  writeFileSync(storeOut(scene.store), png);
}

async function writeReadmePicture(browser: ExtensionBrowser, scene: Scene): Promise<void> {
  const page = await scene.open(browser, scene.viewport);
  try {
    await page.screenshot({ path: readmeOut(scene.readme), fullPage: scene.fullPage ?? false });
  } finally {
    await page.close();
  }
}

const sandbox = await startTestSandbox();
const browser = await launchExtension();
try {
  await connectToSandbox(browser, sandbox);
  mkdirSync(path.resolve('docs/store'), { recursive: true });
  for (const scene of scenes) {
    await writeReadmePicture(browser, scene);
    await writeStoreVariant(browser, scene);
  }
  // Said again from the files on disk, so a wrong size can never pass unnoticed.
  for (const scene of scenes) {
    const { width, height } = pngSize(readFileSync(storeOut(scene.store)));
    console.log(`docs/store/${scene.store}: ${width}×${height}`);
  }
  console.log('Screenshots written to docs/screenshots/ and docs/store/.');
} finally {
  await browser.close();
  await sandbox.close();
}
