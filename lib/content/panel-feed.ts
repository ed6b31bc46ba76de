/**
 * The panel beside the email, told what this Gmail tab shows: while a panel is connected (it
 * follows this tab), each scan of the page (a new thread, a recipient typed, lib/content/gmail/
 * watch.ts) reads who is on it again, and a changed answer is posted to the panel at once. No
 * panel, no work. The reading is the popup's `getPageParticipants` answer (./page-participants.ts),
 * so the panel and the popup see the same people.
 *
 * A view Gmail shows but Vivre cannot read is told only once it has had time to draw: just after
 * the address changes, an empty thread is most often one still loading, and the panel would
 * flash "can't read this view" at every switch.
 */
import { browser } from 'wxt/browser';
import {
  PANEL_HELLO,
  PANEL_PAGE,
  PANEL_PORT,
  type PanelPage,
  type ToPanel,
} from '../shared/panel-channel';
import type { GmailDetection } from './chips/start-chips';
import { pageParticipants } from './page-participants';

/** What the feed needs of a `runtime.Port` the panel opened to this tab. */
export interface PanelPort {
  name: string;
  sender?: { id?: string; url?: string };
  postMessage(message: ToPanel): void;
  onDisconnect: { addListener(callback: () => void): void };
  disconnect(): void;
}

export interface PanelFeedOptions {
  /** What the page shows now: its people, subject, whether it is readable, and who is signed in. */
  read(): PanelPage;
  /** The address the page is at now. */
  href(): string;
  /** Calls `listener` with each port opened to this tab; returns the way to stop. */
  onConnect(listener: (port: PanelPort) => void): () => void;
  /** Whether a port was opened by our own panel page. */
  fromPanel(sender: PanelPort['sender']): boolean;
  signal: AbortSignal;
  now?: () => number;
}

/** How long after the address changes an unreadable view is taken for one still loading. */
export const UNREADABLE_SETTLE_MS = 1500;

export function startPanelFeed({
  read,
  href,
  onConnect,
  fromPanel,
  signal,
  now = () => Date.now(),
}: PanelFeedOptions) {
  /** Each connected panel, with what it was last told. */
  const panels = new Map<PanelPort, string>();
  let shownHref = '';
  let addressChangedAt = -Infinity;
  let recheck: ReturnType<typeof setTimeout> | undefined;

  function tell() {
    if (panels.size === 0 || signal.aborted) return;
    if (href() !== shownHref) {
      shownHref = href();
      addressChangedAt = now();
    }
    const page = read();
    const settlesAt = addressChangedAt + UNREADABLE_SETTLE_MS;
    if (page.unreadable && now() < settlesAt) {
      clearTimeout(recheck);
      recheck = setTimeout(tell, settlesAt - now());
      return;
    }
    const said = JSON.stringify(page);
    for (const [port, last] of panels) {
      if (last === said) continue;
      panels.set(port, said);
      port.postMessage({ type: 'page', page });
    }
  }

  const stopListening = onConnect((port) => {
    if (port.name !== PANEL_PORT || !fromPanel(port.sender)) return;
    panels.set(port, '');
    port.onDisconnect.addListener(() => panels.delete(port));
    tell();
  });

  signal.addEventListener(
    'abort',
    () => {
      stopListening();
      clearTimeout(recheck);
      for (const port of panels.keys()) port.disconnect();
      panels.clear();
    },
    { once: true },
  );

  return {
    /** The page may show other people now: tell the connected panels if it does. */
    changed: tell,
  };
}

/** The feed in this Gmail tab: ports from our panel page only (our id, our panel's address). */
export function startPanelFeedInTab(
  doc: Document,
  detect: Pick<
    GmailDetection,
    'findSignedInEmail' | 'findThreadParticipants' | 'findComposeParticipants'
  >,
  signal: AbortSignal,
) {
  const panelPage = browser.runtime.getURL(PANEL_PAGE);
  const feed = startPanelFeed({
    read: () => ({ ...pageParticipants(doc, detect), signedIn: detect.findSignedInEmail(doc) }),
    href: () => doc.location?.href ?? '',
    onConnect(listener) {
      const take = (port: Parameters<typeof listener>[0]) => listener(port);
      browser.runtime.onConnect.addListener(take);
      return () => browser.runtime.onConnect.removeListener(take);
    },
    fromPanel: (sender) =>
      sender?.id === browser.runtime.id && (sender.url ?? '').split(/[?#]/)[0] === panelPage,
    signal,
  });
  // A panel already following this tab (it just loaded) connects now. With no panel open the
  // port finds nobody and closes at once; the worker does not listen, so it is not woken.
  const hello = browser.runtime.connect({ name: PANEL_HELLO });
  hello.onDisconnect.addListener(() => void browser.runtime.lastError);
  signal.addEventListener('abort', () => hello.disconnect(), { once: true });
  return feed;
}
