/**
 * The store screenshots (docs/store/store-*.png, from `npm run screenshots`) are exactly what the
 * Chrome Web Store asks for: 1280×800 PNGs. Read from each file's IHDR chunk, no image library.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const STORE_DIR = path.resolve('docs/store');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngHeader(file: string) {
  const bytes = readFileSync(path.join(STORE_DIR, file));
  return {
    signature: bytes.subarray(0, 8),
    firstChunk: bytes.toString('latin1', 12, 16),
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
  };
}

const images = readdirSync(STORE_DIR)
  .filter((file) => /^store-\d+-[a-z0-9-]+\.png$/.test(file))
  .sort();

describe('store screenshots', () => {
  it('are the scenes the listing names, in its order, and no others', () => {
    const listing = readFileSync(path.join(STORE_DIR, 'listing.md'), 'utf8');
    const named = [...listing.matchAll(/`(store-\d+-[a-z0-9-]+\.png)`/g)].map((m) => m[1]);
    expect(named).toEqual([
      'store-1-thread-card.png',
      'store-2-inbox.png',
      'store-3-compose.png',
      'store-4-popup.png',
      'store-5-options.png',
    ]);
    expect(images).toEqual(named);
  });

  it.each(images)('%s is a PNG of exactly 1280×800', (file) => {
    const header = pngHeader(file);
    expect(header.signature.equals(PNG_SIGNATURE)).toBe(true);
    expect(header.firstChunk).toBe('IHDR');
    expect({ width: header.width, height: header.height }).toEqual({ width: 1280, height: 800 });
  });
});
