/**
 * The stores' pictures: exactly 1280×800, checked from the PNG itself. A Gmail scene is simply
 * shot in a window of that size; an extension page (the popup) is laid over the Gmail inbox at
 * the top right, where the browser opens it, never stretched.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../tests/e2e/harness';
import { STORE_SIZE, type Size } from './scenes';

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Buffer): Size {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Throws unless `png` is exactly STORE_SIZE: the stores refuse any other size. */
export function assertStoreSize(png: Buffer, name: string): void {
  const { width, height } = pngSize(png);
  if (width !== STORE_SIZE.width || height !== STORE_SIZE.height) {
    throw new Error(`${name} came out ${width}×${height}, not 1280×800`);
  }
}

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

/** `panel` over `backdrop` (both PNGs), at the top right with a popup's shadow; STORE_SIZE. */
export async function panelOverBackdrop(
  browser: ExtensionBrowser,
  backdrop: Buffer,
  panel: Buffer,
): Promise<Buffer> {
  const page: Page = await browser.context.newPage();
  try {
    await page.setViewportSize(STORE_SIZE);
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.evaluate(
      ({ backdropUrl, panelUrl, size }) => {
        document.body.style.cssText =
          `margin:0;width:${size.width}px;height:${size.height}px;overflow:hidden;` +
          'position:relative';
        const back = document.createElement('img');
        back.src = backdropUrl;
        back.alt = '';
        back.style.cssText = 'display:block;width:100%;height:100%';
        const front = document.createElement('img');
        front.src = panelUrl;
        front.alt = '';
        front.style.cssText =
          'position:absolute;top:8px;right:96px;max-height:' +
          `${size.height - 24}px;border-radius:8px;` +
          'box-shadow:0 2px 6px rgba(60,64,67,.3),0 8px 28px rgba(60,64,67,.35)';
        document.body.append(back, front);
        return Promise.all([back.decode(), front.decode()]);
      },
      { backdropUrl: dataUrl(backdrop), panelUrl: dataUrl(panel), size: STORE_SIZE },
    );
    return await page.screenshot();
  } finally {
    await page.close();
  }
}
