/**
 * Where the E2E harness finds the built extension and the Gmail fixtures. The
 * shared fixtures live beside the clone (../shared), as on every machine that
 * runs this project; VIVRE_SHARED_DIR points elsewhere when they do not.
 */
import { existsSync, realpathSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const sharedDir = path.resolve(repoRoot, process.env.VIVRE_SHARED_DIR ?? '../shared');

/** Project fixtures first, so a project can pin or add pages; then the shared set. */
export const fixtureDirs = [
  path.join(repoRoot, 'tests/fixtures/gmail'),
  path.join(sharedDir, 'fixtures/gmail'),
];

/** Where `npm run build:test` puts the extension the E2E tests load. */
export const builtExtensionDir = path.join(repoRoot, '.output/chrome-mv3-test');

/** The Firefox build of the same (`npm run build:test` makes both). */
export const builtFirefoxDir = path.join(repoRoot, '.output/firefox-mv3-test');

export const NOT_BUILT =
  `The extension is not built at ${builtExtensionDir}. Run \`npm run build:test\` first ` +
  '(`npm run test:e2e` does it for you).';

export function isBuilt(dir: string): boolean {
  return existsSync(path.join(dir, 'manifest.json'));
}

/**
 * Chrome derives an unpacked extension's id from its absolute path (SHA-256, first
 * 32 hex digits spelled a–p). Computing it means no waiting for a worker that a
 * relaunched browser may not start until something wakes it.
 */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}
