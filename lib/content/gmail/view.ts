/**
 * What Gmail says it shows, from its address alone, without reading a message: a thread,
 * a compose, or something else (a list, settings). When Gmail redesigns a thread or a compose, the
 * readers find nobody there while this still knows one is shown: that is how the content script
 * can tell the rep "Vivre can't read this Gmail view" instead of failing silently.
 */
import { parseAddress } from '../../shared/address';
import { subjectFromTitle } from './page';

export type ShownView = 'thread' | 'compose' | null;

// A thread's address ends in its id after a folder, label or search: "#inbox/FMfcgzQXJ…",
// "#label/Clients/FMfcg…", "#search/pricing/18c4…" (16 hex digits in older links).
const THREAD_HASH = /^#[^?]+\/([A-Za-z0-9]{16,})$/;
// A compose open over any view: "#inbox?compose=new", "#inbox?compose=CllgC…".
const COMPOSE_HASH = /[?&]compose=[^&]+/;

/**
 * What the page shows by its address. Asked when the rep opens the popup, long after Gmail has
 * drawn the view, so a thread still loading is not taken for one that cannot be read.
 */
export function shownView(url: string): ShownView {
  const hash = new URL(url, 'https://mail.google.com/').hash;
  if (COMPOSE_HASH.test(hash)) return 'compose';
  const [path] = hash.split('?');
  return THREAD_HASH.test(path ?? '') ? 'thread' : null;
}

/** Addresses written in the title's subject ("Intro: priya@…"), the signed-in account left out. */
export function addressesInTitle(title: string, signedIn: string | null): string[] {
  const subject = subjectFromTitle(title) ?? '';
  const found = subject
    .split(/[\s,;:<>()"]+/)
    .map((word) => parseAddress(word))
    .filter((email): email is string => email !== null && email !== signedIn);
  return [...new Set(found)];
}
