/**
 * The popup's first read of this browser's storage (draft, recent contacts, the outbox and the
 * connection as last published), started the moment popup.html runs its first, small script:
 * the build loads this module, and what it needs, ahead of the form's script
 * (modules/popup-build.ts), so the read's round trip to the browser overlaps the loading of Preact
 * and the form instead of following it. Measured side by side, the popup is interactive sooner.
 */
import { readAtOpen } from '../../shared/storage/follow';
import type { LocalState } from '../../../components/popup/services-type';
import { POPUP_MARKS } from './marks';

performance.mark(POPUP_MARKS.start);
let settled: LocalState | null = null;
let atOpen: Promise<LocalState> | null = readAtOpen().then((state) => {
  performance.mark(POPUP_MARKS.read);
  return (settled = state);
});

/** The read started at open, to its first caller; a fresh read to any later one. */
export function loadLocal(): Promise<LocalState> {
  const read = atOpen ?? readAtOpen();
  atOpen = settled = null;
  return read;
}

/**
 * The read started at open if it is already back (it usually is by the time the form's script
 * has loaded), so the popup's first render is the form itself rather than nothing followed by
 * the form a microtask later; null otherwise, and to any later caller.
 */
export function localIfRead(): LocalState | null {
  const state = settled;
  if (state) atOpen = settled = null;
  return state;
}
