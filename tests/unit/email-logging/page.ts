import type { Replacements } from '../../fixtures/gmail/variants';
import { loadFixture } from '../gmail/load-fixture';

/**
 * Shows a Gmail fixture in the test's global document (the content script's world), without its
 * stand-in scripts: tests play Gmail's part themselves.
 */
export function showFixture(
  name: string,
  where: 'shared' | 'own' = 'own',
  replacements: Replacements = [],
): void {
  const parsed = loadFixture(name, where, replacements);
  for (const script of parsed.querySelectorAll('script')) script.remove();
  document.title = parsed.title;
  document.body.replaceChildren(
    ...[...parsed.body.childNodes].map((node) => document.importNode(node, true)),
  );
}

/** Gmail's send: the compose goes, then the notification bar says so. */
export function gmailSends(compose: Element): void {
  compose.remove();
  const bar =
    document.querySelector('.vh') ?? document.body.appendChild(document.createElement('div'));
  bar.className = 'vh';
  bar.textContent = 'Message sent';
}

export function ctrlEnter(target: Element): void {
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }),
  );
}

export function shadowOf(selector: string, index = 0): ShadowRoot {
  const host = document.querySelectorAll(selector)[index];
  if (!host?.shadowRoot) throw new Error(`no ${selector} host #${index}`);
  return host.shadowRoot;
}
