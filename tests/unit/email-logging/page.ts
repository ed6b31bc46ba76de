import { afterEach } from 'vitest';
import { startEmailLogging } from '@/content/email-logging/start-email-logging';
import type { Replacements } from '../../fixtures/gmail/variants';
import { loadFixture } from '../gmail/load-fixture';
import type { fakeWorker } from './fake-worker';

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

/**
 * Email logging started in the test document as each Gmail tab starts it; every tab still open
 * is closed after the test.
 */
export function useGmailTabs() {
  const tabs: AbortController[] = [];
  afterEach(() => tabs.splice(0).forEach((tab) => tab.abort()));
  return {
    async open(worker: ReturnType<typeof fakeWorker>) {
      const tab = new AbortController();
      tabs.push(tab);
      const logging = startEmailLogging({ document, signal: tab.signal, ask: worker.ask });
      await logging.ready;
      return logging;
    },
    /** Closes the first tab still open, as closing or reloading it does. */
    closeFirst() {
      tabs.shift()!.abort();
    },
  };
}
