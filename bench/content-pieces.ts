/**
 * Which piece of the Gmail content script each byte belongs to. The built file has no map, so
 * esbuild bundles the same entry as WXT does (minified, IIFE, the native `browser`:
 * modules/native-browser.ts) with a metafile, which says how many minified bytes each source
 * file put in the output. Files are grouped into pieces by path; a piece's gzip size is its share
 * of the minified bytes times the built file's gzip size (gzip is not additive, so this is an
 * estimate, and the pieces add up to the whole).
 */
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { repoRoot } from '../tests/e2e/harness/paths';

export type Piece = 'chips' | 'inbox rows' | 'email logging' | 'card host' | 'shared';

/** First match wins; anything else is shared (Gmail's DOM read, lookups, messaging, Preact-free hosts). */
const PIECES: Array<[RegExp, Piece]> = [
  [/^lib\/content\/email-logging\//, 'email logging'],
  [
    /^lib\/content\/chips\/row-chip|^components\/gmail\/row-chip|^lib\/content\/gmail\/inbox-rows/,
    'inbox rows',
  ],
  [/^lib\/shared\/inbox-list/, 'inbox rows'],
  [/^lib\/content\/card-host\/|^lib\/shared\/card-channel/, 'card host'],
  [/^lib\/content\/chips\/|^components\/gmail\/|^lib\/shared\/score-band/, 'chips'],
];

export function pieceOf(file: string): Piece {
  return PIECES.find(([pattern]) => pattern.test(file))?.[1] ?? 'shared';
}

/** Each piece's share (0–1) of the entry's minified bytes. */
export async function contentScriptShares(entry: string): Promise<Record<Piece, number>> {
  const require = createRequire(import.meta.url);
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: repoRoot,
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
    metafile: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    alias: { 'wxt/browser': require.resolve('wxt/browser') },
    logLevel: 'error',
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  const minified: Record<Piece, number> = {
    chips: 0,
    'inbox rows': 0,
    'email logging': 0,
    'card host': 0,
    shared: 0,
  };
  let all = 0;
  for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
    minified[pieceOf(file)] += bytesInOutput;
    all += bytesInOutput;
  }
  return Object.fromEntries(
    Object.entries(minified).map(([piece, bytes]) => [piece, bytes / all]),
  ) as Record<Piece, number>;
}
