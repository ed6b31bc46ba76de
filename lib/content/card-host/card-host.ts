/**
 * The contact card as Gmail's tab holds it: one iframe of our extension page card.html
 * (entrypoints/card/) per tab, inside a closed shadow root, placed beside the chip that
 * opened it. The card reads and writes through the worker itself, as an extension page; this
 * side only says whom to show (over a private MessageChannel, lib/shared/card-channel.ts),
 * places the frame, and closes it.
 *
 * What Gmail's page can see: a `<vivre-card data-vivre-host>` element and, while a card is
 * open, a box of pixels. Not the frame's URL (closed root, not in `window.frames`), not its
 * document (another origin), not the messages (posted into the frame, or over the port).
 * This is the pattern of password managers' inline menus, and of WXT's createIframeUi, which
 * is not used as it is because it puts the iframe in the light DOM, where page script reads
 * its src: the per-session URL `use_dynamic_url` gives Chrome (wxt.config.ts), whose secrecy
 * keeps other pages from framing the card, would leak.
 *
 * The frame is made when the tab is idle after the first chips' answers are painted
 * (`warmWhenIdle`), or on the first hover or focus of a chip (`warm`): loading an extension page
 * costs a few hundred milliseconds a click should not wait for (bench/card.ts). It is kept,
 * hidden, for every card.
 */
import { browser } from 'wxt/browser';
import {
  CARD_MIN_HEIGHT,
  CARD_PAGE,
  CARD_WIDTH,
  cardUrl,
  parseFromCard,
  type CardPerson,
  type FromCard,
  type KnownLookup,
  type PortHandOver,
  type ToCard,
} from '../../shared/card-channel';
import type { Theme } from '../gmail/page';
import { createShadowHost, type ShadowHost } from '../shadow-host';
import { idleAfterPaint } from '../idle-after-paint';
import { keepOnTop, watchCardDrawing, type Box } from './card-visibility';

/** The chip a card is opened from. */
export interface CardOpener {
  /** The chip's host element: the card is placed beside its box. */
  anchor: Element;
  person: CardPerson;
  /** What this tab already knows of the person (the chip's answer), so the card shows it at once. */
  known(): KnownLookup | null;
  /** Gives focus back to the chip's button. */
  focus(): void;
  setExpanded(expanded: boolean): void;
}

export interface CardFrame {
  /** Loads the frame, hidden, if it is not yet there. */
  warm(): void;
  /** The same, once the tab is idle. */
  warmWhenIdle(): void;
  /** Opens the card for `opener`, or closes it when it is already open for it. */
  toggle(opener: CardOpener): void;
  /** Closes the card if it is open for `opener` (its chip is going away). */
  forget(opener: CardOpener): void;
  setTheme(theme: Theme): void;
  destroy(): void;
}

export interface CardFrameOptions {
  document: Document;
  theme: Theme;
  /** The open card's person changed in Vivre (added, looked up again): refresh their chips. */
  onChanged(email: string): void;
}

const GAP = 6;
const MARGIN = 8;

/** Where the card goes: below the chip, or above when there is no room, never off screen. */
export function placeCard(
  chip: DOMRect,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
): { top: number; left: number } {
  let top = chip.bottom + GAP;
  if (top + card.height > viewport.height - MARGIN) top = chip.top - GAP - card.height;
  top = Math.max(MARGIN, Math.min(top, viewport.height - MARGIN - card.height));
  const left = Math.max(MARGIN, Math.min(chip.left, viewport.width - MARGIN - card.width));
  return { top, left };
}

// `position: fixed` so Gmail's `overflow: hidden` containers cannot clip it. Closed, it is
// `inert` (no focus, no clicks) and invisible. Opening makes it visible at once, but transparent
// until the card has measured this person: browsers stop rendering a hidden cross-origin frame,
// so one kept hidden until it reports its size would never report it. The host is a manual
// popover, in the top layer, its every style important: nothing Gmail's page does to it or
// around it changes how the card is drawn (./card-visibility.ts). Its invisible ::backdrop is
// not drawn: IntersectionObserver v2 took it for something over every element of the page.
const FRAME_CSS = `
:host { all: initial !important; }
:host::backdrop { display: none !important; }
iframe { position: fixed; z-index: 2147483000; border: 0; width: ${CARD_WIDTH}px; height: ${CARD_MIN_HEIGHT}px;
  border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.24); color-scheme: normal; }
iframe[inert] { visibility: hidden; }
iframe.measuring { opacity: 0; }
`;

interface Showing {
  opener: CardOpener;
  seq: number;
  height: number;
  visible: boolean;
  /** Where the frame was placed, for the watch on how it is drawn. */
  placed: Box;
  watch?: ReturnType<typeof watchCardDrawing>;
  /** Aborted when the card closes: removes the listeners on Gmail's document. */
  listening: AbortController;
}

export function createCardFrame({ document: doc, theme, onChanged }: CardFrameOptions): CardFrame {
  let host: ShadowHost | null = null;
  let iframe: HTMLIFrameElement | null = null;
  let port: MessagePort | null = null;
  let pending: ToCard | null = null;
  let showing: Showing | null = null;
  let seq = 0;
  let destroyed = false;
  let warming = false;
  // Chrome loads the frame from its per-session URL, but its document has the extension's
  // own origin (captured: tests/unit/lib/worker/fixtures/message-senders.ts), which getURL('/') gives.
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;

  function post(message: ToCard) {
    if (port) port.postMessage(message);
    else pending = message;
  }

  function handOver(frame: HTMLIFrameElement, nonce: string) {
    port?.close();
    const channel = new MessageChannel();
    port = channel.port1;
    port.onmessage = (event) => receive(parseFromCard(event.data));
    const handOver: PortHandOver = { vivreCard: nonce };
    frame.contentWindow?.postMessage(handOver, extensionOrigin, [channel.port2]);
    if (pending) port.postMessage(pending);
    pending = null;
  }

  function ensureFrame(): HTMLIFrameElement | null {
    if (iframe || destroyed) return iframe;
    host = createShadowHost(doc, { tag: 'vivre-card', css: FRAME_CSS, theme });
    const frame = doc.createElement('iframe');
    const nonce = crypto.randomUUID();
    frame.title = 'Vivre contact card';
    frame.setAttribute('inert', '');
    frame.addEventListener('load', () => handOver(frame, nonce));
    frame.src = cardUrl(browser.runtime.getURL(CARD_PAGE), nonce);
    host.container.append(frame);
    doc.body.append(host.element);
    keepOnTop(host.element);
    return (iframe = frame);
  }

  function place() {
    if (!showing || !iframe) return;
    const { anchor } = showing.opener;
    const view = doc.defaultView;
    if (!anchor.isConnected || !view) return close(false);
    const height = Math.min(showing.height, view.innerHeight - 2 * MARGIN);
    const { top, left } = placeCard(
      anchor.getBoundingClientRect(),
      { width: CARD_WIDTH, height },
      { width: view.innerWidth, height: view.innerHeight },
    );
    Object.assign(iframe.style, { top: `${top}px`, left: `${left}px`, height: `${height}px` });
    showing.placed = { top, left, width: CARD_WIDTH, height };
    showing.watch?.check();
  }

  function receive(message: FromCard | null) {
    if (!message || !showing) return;
    if (message.type === 'close') return close(message.returnFocus);
    if (message.type === 'pressed') {
      const { press } = message; // not drawn yet: not seen
      const looked = showing.watch?.look() ?? Promise.resolve(false);
      return void looked.then((visible) => post({ type: 'seen', press, visible }));
    }
    if (message.seq !== showing.seq) return;
    if (message.type === 'changed') return onChanged(showing.opener.person.email);
    showing.height = message.height;
    place();
    if (!showing.visible && iframe) {
      // Shown once it has drawn this person, so the last card never flashes; then focused,
      // and the card moves focus to itself (components/card/).
      showing.visible = true;
      iframe.classList.remove('measuring');
      iframe.focus();
      // From now on the card takes input only while it is drawn as placed.
      showing.watch = watchCardDrawing(
        host!.element,
        iframe,
        () => showing!.placed,
        (visible) => post({ type: 'visible', visible }),
      );
    }
  }

  function listen(opener: CardOpener, signal: AbortSignal) {
    const capture = { capture: true, passive: true, signal };
    // A press anywhere else in Gmail closes it; presses inside the frame never reach Gmail.
    doc.addEventListener(
      'pointerdown',
      (event) => {
        const path = event.composedPath();
        if (!path.includes(opener.anchor) && !(host && path.includes(host.element))) close(false);
      },
      capture,
    );
    // Esc with focus in Gmail (the card handles its own): focus goes back to the chip only
    // when it had nowhere else to be.
    doc.addEventListener(
      'keydown',
      (event) => {
        if (event.key !== 'Escape') return;
        const active = doc.activeElement;
        close(!active || active === doc.body || active === opener.anchor);
      },
      { capture: true, signal },
    );
    doc.addEventListener('scroll', place, capture);
    doc.defaultView?.addEventListener('resize', place, capture);
  }

  function open(opener: CardOpener) {
    close(false);
    const frame = ensureFrame();
    if (!frame) return;
    showing = {
      opener,
      seq: ++seq,
      height: CARD_MIN_HEIGHT,
      visible: false,
      placed: { top: 0, left: 0, width: 0, height: 0 },
      listening: new AbortController(),
    };
    keepOnTop(host!.element);
    const known = opener.known();
    post({
      type: 'show',
      seq: showing.seq,
      person: opener.person,
      theme: currentTheme,
      ...(known ? { known } : {}),
    });
    frame.classList.add('measuring');
    frame.removeAttribute('inert');
    place();
    opener.setExpanded(true);
    listen(opener, showing.listening.signal);
  }

  function close(returnFocus: boolean) {
    if (!showing) return;
    const { opener, listening, watch } = showing;
    showing = null;
    listening.abort();
    watch?.stop();
    iframe?.setAttribute('inert', '');
    post({ type: 'hide' });
    opener.setExpanded(false);
    if (returnFocus) opener.focus();
  }

  let currentTheme = theme;
  return {
    warm: () => void ensureFrame(),
    warmWhenIdle() {
      const view = doc.defaultView;
      if (iframe || warming || !view) return;
      warming = true;
      idleAfterPaint(view, ensureFrame);
    },
    toggle(opener) {
      if (showing?.opener === opener) close(true);
      else open(opener);
    },
    forget(opener) {
      if (showing?.opener === opener) close(false);
    },
    setTheme(next) {
      currentTheme = next;
      host?.setTheme(next);
    },
    destroy() {
      destroyed = true;
      close(false);
      port?.close();
      host?.destroy();
      host = iframe = port = null;
    },
  };
}
