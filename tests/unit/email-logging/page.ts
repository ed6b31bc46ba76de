import { afterEach } from 'vitest';
import { startEmailLogging } from '@/content/email-logging/start-email-logging';
import type { fakeWorker } from './fake-worker';

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
