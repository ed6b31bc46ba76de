import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { replaceInFixture, type Replacements } from '../../fixtures/gmail/variants';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The shared real-Gmail fixtures live beside the repo (../shared), as in CI; override with an env var. */
export const SHARED_GMAIL_FIXTURES =
  process.env.VIVRE_GMAIL_FIXTURES ?? path.resolve(here, '../../../../shared/fixtures/gmail');
const OWN_GMAIL_FIXTURES = path.resolve(here, '../../fixtures/gmail');

/**
 * Parses a fixture, or a variant of it (tests/fixtures/gmail/variants.ts), into its own
 * Document (DOMParser: no innerHTML, scripts never run).
 */
export function loadFixture(
  name: string,
  where: 'shared' | 'own' = 'shared',
  replacements: Replacements = [],
): Document {
  const dir = where === 'shared' ? SHARED_GMAIL_FIXTURES : OWN_GMAIL_FIXTURES;
  const html = replaceInFixture(readFileSync(path.join(dir, name), 'utf8'), replacements);
  return new DOMParser().parseFromString(html, 'text/html');
}
