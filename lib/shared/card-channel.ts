/**
 * What the Gmail content script and the contact card (card.html, an extension page in an
 * iframe inside Gmail) say to each other, and the checks each side makes on it.
 *
 * The channel: the content script creates a MessageChannel once the frame has loaded and hands
 * one port into the frame with `postMessage(…, <extension origin>, [port])`. That message is
 * dispatched in the card's document only, so Gmail's page never sees it or the port (a
 * MessageChannel made by the frame would have to cross Gmail's window, where page script sees
 * every `message` event and could take the port). The card takes the first port that comes from
 * https://mail.google.com with the nonce its own URL carries (#n=…), which page script cannot
 * read: the frame sits in a closed shadow root, is cross-origin, and is in no `window.frames`.
 * Everything after that, both ways, travels over the port; every message is checked before use,
 * because neither side trusts what merely arrives.
 *
 * Pure (no I/O, no zod): both the content script's 22 kB bundle and the card page import it.
 */
import { parseAddress } from './address';
import type { LookupResult } from './messaging/protocol';

/** The card's page, relative to the extension root (a WXT entrypoint: entrypoints/card/). */
export const CARD_PAGE = '/card.html';
/** Where the card lives, so the card accepts its port only from there. */
export const GMAIL_ORIGIN = 'https://mail.google.com';

export const CARD_WIDTH = 320;
/** Bounds on the height the card may ask for; the content script also keeps it in the viewport. */
export const CARD_MIN_HEIGHT = 60;
export const CARD_MAX_HEIGHT = 480;

const NAME_LIMIT = 200;

export type CardTheme = 'light' | 'dark';

/** The person a chip stands for, as the content script read them from Gmail. */
export interface CardPerson {
  email: string;
  /** The display name Gmail shows, or null. */
  name: string | null;
}

/** The worker's answer about the person that the tab already holds (its chip shows it). */
export type KnownLookup = Extract<LookupResult, { status: 'found' | 'not_found' }>;

/**
 * Content script → card. `seq` numbers each showing, so late answers for an old one are dropped.
 * `known` is passed on unchecked here (this module has no schemas): the card checks it
 * (components/card/known-lookup.ts) and asks the worker again in any case.
 */
export type ToCard =
  | { type: 'show'; seq: number; person: CardPerson; theme: CardTheme; known?: unknown }
  | { type: 'hide' }
  /**
   * Whether the open card is drawn as the content script placed it (lib/content/card-host/
   * card-visibility.ts), sent again at each new place; the card takes no input otherwise.
   */
  | { type: 'visible'; visible: boolean }
  /** The answer to the card's `pressed`: whether Gmail's side saw the card drawn as placed. */
  | { type: 'seen'; press: number; visible: boolean };

/** Card → content script. */
export type FromCard =
  /** The height the card's content needs now, for showing `seq`. */
  | { type: 'size'; seq: number; height: number }
  /** Esc or the close button: close, and give focus back to the chip when `returnFocus`. */
  | { type: 'close'; returnFocus: boolean }
  /** The person's record changed (added to Vivre, or looked up again): refresh the chip. */
  | { type: 'changed'; seq: number }
  /**
   * The rep pressed in the card (Chromium): look now, from Gmail's side, whether anything covers
   * or changes the card, and answer with `seen`. The card's own IntersectionObserver v2 learns of
   * what Gmail's page draws only once that page has sent it across processes, which can come
   * after the press it should answer for.
   */
  | { type: 'pressed'; press: number };

/** The first hand-over of the port, the only message posted to the frame's window. */
export interface PortHandOver {
  vivreCard: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const isSeq = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** The nonce in the card's own URL (`#n=<uuid>`), or null. */
export function nonceFromHash(hash: string): string | null {
  const nonce = new URLSearchParams(hash.replace(/^#/, '')).get('n');
  return nonce && /^[0-9a-f-]{36}$/.test(nonce) ? nonce : null;
}

/** The card's URL under `root` (runtime.getURL), carrying only the nonce. */
export function cardUrl(pageUrl: string, nonce: string): string {
  return `${pageUrl}#n=${nonce}`;
}

/** Checks, in the card, what the content script sent; null for anything else. */
export function parseToCard(data: unknown): ToCard | null {
  if (!isRecord(data)) return null;
  if (data.type === 'hide') return { type: 'hide' };
  if (data.type === 'visible') return { type: 'visible', visible: data.visible === true };
  if (data.type === 'seen') {
    return isSeq(data.press)
      ? { type: 'seen', press: data.press, visible: data.visible === true }
      : null;
  }
  if (data.type !== 'show' || !isSeq(data.seq) || !isRecord(data.person)) return null;
  const email = typeof data.person.email === 'string' ? parseAddress(data.person.email) : null;
  const rawName = data.person.name;
  const name = typeof rawName === 'string' ? rawName.trim().slice(0, NAME_LIMIT) || null : null;
  if (!email || email.length > 320 || (rawName !== null && typeof rawName !== 'string'))
    return null;
  const theme: CardTheme = data.theme === 'dark' ? 'dark' : 'light';
  return {
    type: 'show',
    seq: data.seq,
    person: { email, name },
    theme,
    ...('known' in data ? { known: data.known } : {}),
  };
}

/** Checks, in the content script, what the card sent; heights come back within bounds. */
export function parseFromCard(data: unknown): FromCard | null {
  if (!isRecord(data)) return null;
  switch (data.type) {
    case 'size':
      if (!isSeq(data.seq) || typeof data.height !== 'number' || !Number.isFinite(data.height)) {
        return null;
      }
      return {
        type: 'size',
        seq: data.seq,
        height: Math.min(CARD_MAX_HEIGHT, Math.max(CARD_MIN_HEIGHT, Math.ceil(data.height))),
      };
    case 'close':
      return { type: 'close', returnFocus: data.returnFocus === true };
    case 'changed':
      return isSeq(data.seq) ? { type: 'changed', seq: data.seq } : null;
    case 'pressed':
      return isSeq(data.press) ? { type: 'pressed', press: data.press } : null;
    default:
      return null;
  }
}
