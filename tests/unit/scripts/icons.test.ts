import { existsSync, readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BRAND_VIOLET } from '@/components/common/design/tokens';
import { MARK_TILE, MARK_V } from '@/components/common/VivreMark';

// The manifest's icons: rendered by `npm run icons` and committed, never rebuilt by CI,
// so this guards against a missing, resized or blank file slipping into a release.
const SIZES = [16, 32, 48, 128];
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const iconPath = (size: number) => new URL(`../../../public/icon/${size}.png`, import.meta.url);

interface Png {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
  idat: Buffer;
}

function parsePng(file: Buffer): Png {
  if (!file.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG signature');
  const chunks = new Map<string, Buffer[]>();
  for (let at = 8; at + 8 <= file.length;) {
    const length = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    chunks.set(type, [...(chunks.get(type) ?? []), file.subarray(at + 8, at + 8 + length)]);
    at += 12 + length; // length, type, data, CRC
  }
  const ihdr = chunks.get('IHDR')?.[0];
  if (!ihdr) throw new Error('no IHDR');
  return {
    width: ihdr.readUInt32BE(0),
    height: ihdr.readUInt32BE(4),
    bitDepth: ihdr[8] ?? -1,
    colorType: ihdr[9] ?? -1,
    interlace: ihdr[12] ?? -1,
    idat: Buffer.concat(chunks.get('IDAT') ?? []),
  };
}

/** 8-bit RGBA, non-interlaced: inflate, then undo each row's filter (PNG spec §9). */
function rgba({ width, height, idat }: Png): Uint8Array {
  const raw = inflateSync(idat);
  const stride = width * 4;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? (out[y * stride + x - 4] ?? 0) : 0;
      const b = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= 4 && y > 0 ? (out[(y - 1) * stride + x - 4] ?? 0) : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter ?? -1];
      if (predictor === undefined) throw new Error(`bad filter ${filter} on row ${y}`);
      out[y * stride + x] = ((raw[y * (stride + 1) + 1 + x] ?? 0) + predictor) & 0xff;
    }
  }
  return out;
}

describe('extension icons', () => {
  it.each(SIZES)('public/icon/%i.png is a square RGBA PNG of that size', (size) => {
    expect(existsSync(iconPath(size))).toBe(true);
    const png = parsePng(readFileSync(iconPath(size)));
    expect([png.width, png.height]).toEqual([size, size]);
    expect([png.bitDepth, png.colorType, png.interlace]).toEqual([8, 6, 0]);
  });

  it.each(SIZES)(
    'public/icon/%i.png is not blank: clear corners, an opaque tile and a white V',
    (size) => {
      const pixels = rgba(parsePng(readFileSync(iconPath(size))));
      let clear = 0;
      let white = 0;
      let tile = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        const [r = 0, g = 0, b = 0, alpha = 0] = pixels.subarray(i, i + 4);
        if (alpha < 64) clear++;
        else if (alpha === 255 && Math.min(r, g, b) >= 250) white++;
        else if (alpha === 255 && Math.max(r, g, b) - Math.min(r, g, b) >= 64) tile++;
      }
      // Outside the rounded tile; at 16 px the corner pixel is a sliver of anti-aliasing.
      expect(pixels[3]).toBeLessThan(64);
      expect(clear).toBeGreaterThanOrEqual(4);
      expect(white).toBeGreaterThanOrEqual(size); // the V: at least a pixel per row's worth
      expect(tile).toBeGreaterThan(pixels.length / 4 / 4); // the tile covers much of the icon
    },
  );
});

describe('the mark drawn in pages', () => {
  it('is the geometry and colour of docs/brand/vivre-mark.svg', () => {
    const svg = readFileSync(
      new URL('../../../docs/brand/vivre-mark.svg', import.meta.url),
      'utf8',
    );
    const { width, height, rx } = MARK_TILE;
    expect(svg).toContain(
      `<rect width="${width}" height="${height}" rx="${rx}" fill="${BRAND_VIOLET}" />`,
    );
    expect(svg).toContain(`<path d="${MARK_V}" fill="#fff" />`);
  });
});
