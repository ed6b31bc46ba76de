/**
 * What the rep sees drawn in a box, for Firefox, which gives a test no accessibility tree and no
 * way into our closed roots (WebDriver BiDi's locators stop at them): a screenshot's pixels. A
 * row chip draws its score in a filled pill and nothing at all while it has no score, so "draws
 * something" is "shows a score"; a hot-lead mark is a bar of the hot colour or nothing.
 */
import { inflateSync } from 'node:zlib';

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row by row. */
  rgba: Uint8Array;
}

/** Decodes an 8-bit, non-interlaced RGB or RGBA PNG (what browsers' screenshots are). */
export function decodePng(png: Uint8Array): Pixels {
  const view = Buffer.from(png);
  const width = view.readUInt32BE(16);
  const height = view.readUInt32BE(20);
  const [depth, colour, , , interlace] = view.subarray(24, 29);
  if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace !== 0) {
    throw new Error(
      `Unsupported PNG: depth ${depth}, colour type ${colour}, interlace ${interlace}`,
    );
  }
  const channels = colour === 6 ? 4 : 3;
  const chunks: Buffer[] = [];
  for (let at = 8; at < view.length;) {
    const length = view.readUInt32BE(at);
    if (view.toString('latin1', at + 4, at + 8) === 'IDAT') {
      chunks.push(view.subarray(at + 8, at + 8 + length));
    }
    at += length + 12;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= channels ? rows[y * stride + x - channels]! : 0;
      const up = y > 0 ? rows[(y - 1) * stride + x]! : 0;
      const upLeft = x >= channels && y > 0 ? rows[(y - 1) * stride + x - channels]! : 0;
      const predicted = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      if (predicted === undefined) throw new Error(`Unknown PNG filter ${filter}`);
      rows[y * stride + x] = (value + predicted) & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    for (let c = 0; c < 4; c++) rgba[i * 4 + c] = c < channels ? rows[i * channels + c]! : 255;
  }
  return { width, height, rgba };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/** The colours in `box` (CSS pixels of the screenshot, at scale 1), as `r,g,b` strings. */
export function coloursIn(
  pixels: Pixels,
  box: { x: number; y: number; width: number; height: number },
): Set<string> {
  const colours = new Set<string>();
  const [x0, y0] = [Math.ceil(box.x), Math.ceil(box.y)];
  const [x1, y1] = [Math.floor(box.x + box.width), Math.floor(box.y + box.height)];
  for (let y = Math.max(0, y0); y < Math.min(pixels.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(pixels.width, x1); x++) {
      const i = (y * pixels.width + x) * 4;
      colours.add(`${pixels.rgba[i]},${pixels.rgba[i + 1]},${pixels.rgba[i + 2]}`);
    }
  }
  return colours;
}
