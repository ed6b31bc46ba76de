import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParticipantRole } from '@/lib/shared/people';
import { replaceInFixture, type Replacements } from '../../../../fixtures/gmail/variants';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The shared real-Gmail fixtures live beside the repo (../shared), as in CI; override with an env var. */
export const SHARED_GMAIL_FIXTURES =
  process.env.VIVRE_GMAIL_FIXTURES ?? path.resolve(here, '../../../../../../shared/fixtures/gmail');
const OWN_GMAIL_FIXTURES = path.resolve(here, '../../../../fixtures/gmail');

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

/**
 * Shows a fixture in the test's global document (the content script's world), without its
 * stand-in scripts: tests play Gmail's part themselves.
 */
export function showFixture(
  name: string,
  where: 'shared' | 'own',
  replacements: Replacements = [],
): void {
  const parsed = loadFixture(name, where, replacements);
  for (const script of parsed.querySelectorAll('script')) script.remove();
  document.title = parsed.title;
  document.body.replaceChildren(
    ...[...parsed.body.childNodes].map((node) => document.importNode(node, true)),
  );
}

/** A thread participant as the Gmail readers report it: on which message, in which role, who. */
export function participant(
  messageId: string,
  role: ParticipantRole,
  email: string,
  name: string | null,
) {
  return { email, name, role, messageId };
}
