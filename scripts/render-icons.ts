// Generated and committed: public/icon/*.png come from docs/brand/vivre-mark.svg via `npm run icons`; CI never re-renders them, so re-run this and commit the PNGs after editing the SVG.
/**
 * `npm run icons`: renders the Vivre mark to the extension's PNG icons in Debian's
 * Chromium, one page per size at exactly that viewport and device scale factor 1, on
 * a transparent background. Nothing varies between runs (no fonts, no animation, no
 * time), so the same Chromium writes the same pixels, and in practice the same bytes.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions, chromiumPath } from '../tests/e2e/harness/chromium';

const SOURCE = new URL('../docs/brand/vivre-mark.svg', import.meta.url);
const OUT_DIR = new URL('../public/icon/', import.meta.url);
const SIZES = [16, 32, 48, 128] as const;

/**
 * The Chrome Web Store wants the 128 px icon to be 96 px of artwork with 16 px of
 * transparent padding per side. 96 is 6 x 16, so the mark stays pixel-snapped.
 */
const padding = (size: number) => (size === 128 ? 16 : 0);

if (!existsSync(chromiumPath)) {
  console.error(
    `render-icons: no Chromium at ${chromiumPath}; install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}

const svg = await readFile(SOURCE);
const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;
await mkdir(OUT_DIR, { recursive: true });

const browser = await chromium.launch(chromiumLaunchOptions());
try {
  for (const size of SIZES) {
    const pad = padding(size);
    const art = size - 2 * pad;
    const context = await browser.newContext({
      viewport: { width: size, height: size },
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;background:transparent}` +
        `img{display:block;position:absolute;left:${pad}px;top:${pad}px}</style>` +
        `<img alt="" width="${art}" height="${art}" src="${src}">`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    const png = await page.screenshot({ type: 'png', omitBackground: true });
    const out = new URL(`${size}.png`, OUT_DIR);
    await writeFile(out, png);
    console.log(`render-icons: wrote ${fileURLToPath(out)} (${png.length} bytes)`);
    await context.close();
  }
} finally {
  await browser.close();
}
