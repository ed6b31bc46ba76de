import { afterEach, beforeEach } from 'vitest';
import { startEmailLogging } from '@/lib/content/email-logging/start-email-logging';
import { everyElementNear } from '@/lib/content/near-viewport';
import { createLookupStore } from '@/lib/content/lookups/lookup-store';
import { useShadowRoots } from '../../../shadow-roots';
import type { fakeWorker } from './fake-worker';

/**
 * Gmail's send: the compose goes, then the notification bar says "Message sent" with Undo and
 * View message, as InboxSDK's butter-bar driver lays it out (div.b8[role=alert] > div.vh >
 * span.aT > span.bAq + span.bAo) with Gmail's link ids. `param` is the thread the Undo undoes.
 */
export function gmailSends(compose: Element, { param = '#thread-a:r-1' } = {}): void {
  compose.remove();
  showNotice('Message sent', param);
}

/** Any other notice with an Undo link, e.g. "Conversation archived". */
export function showNotice(text: string, param: string, viewLink = true): void {
  const bar =
    document.querySelector('.b8') ?? document.body.appendChild(document.createElement('div'));
  bar.className = 'b8 UC bAp';
  bar.setAttribute('role', 'alert');
  const vh = document.createElement('div');
  vh.className = 'vh';
  const words = Object.assign(document.createElement('span'), {
    className: 'bAq',
    textContent: text,
  });
  const links = Object.assign(document.createElement('span'), { className: 'bAo' });
  const undo = Object.assign(document.createElement('span'), {
    id: 'link_undo',
    textContent: 'Undo',
  });
  undo.setAttribute('role', 'link');
  undo.setAttribute('param', param);
  links.append(undo);
  if (viewLink) {
    links.append(
      Object.assign(document.createElement('span'), {
        id: 'link_vsm',
        textContent: 'View message',
      }),
    );
  }
  const line = Object.assign(document.createElement('span'), { className: 'aT' });
  line.append(words, links);
  vh.append(line);
  bar.replaceChildren(vh);
}

/** The rep's Undo Send window ends: Gmail withdraws the Undo link (inline visibility:hidden). */
export function undoWindowEnds(): void {
  document.querySelector<HTMLElement>('#link_undo')!.style.visibility = 'hidden';
}

/** The rep clicks Undo; Gmail then says so and puts the compose back (the test does that part). */
export function clickUndo(): void {
  document.querySelector<HTMLElement>('#link_undo')!.click();
}

/** The rep presses z, Gmail's undo key, outside any field. */
export function pressUndoKey(): void {
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', bubbles: true }));
}

export function ctrlEnter(target: Element): void {
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }),
  );
}

let rootOf: ((host: Element) => ShadowRoot) | null = null;

/** The closed root of the `index`th host matching `selector`, as the content script holds it. */
export function shadowOf(selector: string, index = 0): ShadowRoot {
  const host = document.querySelectorAll(selector)[index];
  if (!host || !rootOf) throw new Error(`no ${selector} host #${index}`);
  return rootOf(host);
}

/**
 * happy-dom leaves `Event.isTrusted` undefined. Here an event the test makes stands for the
 * rep's own input, as the browser marks a real click and the change it causes, unless it is made
 * with `scripted()`, as every event page script dispatches is.
 */
function useRepInput() {
  beforeEach(() => {
    Object.defineProperty(Event.prototype, 'isTrusted', { configurable: true, get: () => true });
  });
  afterEach(() => {
    delete (Event.prototype as { isTrusted?: boolean }).isTrusted;
  });
}

/** `event` as page script would make it: `isTrusted` false. */
export function scripted<E extends Event>(event: E): E {
  return Object.defineProperty(event, 'isTrusted', { value: false });
}

/**
 * Email logging started in the test document as each Gmail tab starts it; every tab still open
 * is closed after the test.
 */
export function useGmailTabs() {
  rootOf = useShadowRoots();
  useRepInput();
  const tabs: AbortController[] = [];
  afterEach(() => tabs.splice(0).forEach((tab) => tab.abort()));
  return {
    async open(worker: ReturnType<typeof fakeWorker>, watchNear = everyElementNear) {
      const tab = new AbortController();
      tabs.push(tab);
      const store = createLookupStore(worker.ask);
      const logging = startEmailLogging({
        document,
        signal: tab.signal,
        ask: worker.ask,
        store,
        // happy-dom has no layout (its IntersectionObserver never reports): every message is near.
        watchNear,
      });
      await logging.ready;
      return logging;
    },
    /** Closes the first tab still open, as closing or reloading it does. */
    closeFirst() {
      tabs.shift()!.abort();
    },
  };
}
