/**
 * Everything the Gmail content script does, minus the WXT wiring: watch the page,
 * keep a chip beside every participant, look up new people in one batch, and
 * remove it all when the signal aborts.
 */
import type { watchGmail } from '../gmail/watch';
import type { Participant, ParticipantAnchor } from '../gmail/types';
import type { AskWorker } from './ask-type';
import { createChipHost } from './chip-host';
import { createChipMounter } from './chip-mounter';
import { createLookupStore } from './lookup-store';
import { detectTheme } from './theme';

/** lib/gmail's detection, injected so tests can drive the overlay with any page. */
export interface GmailDetection {
  findParticipantAnchors(root: ParentNode, signedIn?: string | null): ParticipantAnchor[];
  findThreadParticipants(root: ParentNode, signedIn?: string | null): Participant[];
  findComposeParticipants(root: ParentNode, signedIn?: string | null): Participant[];
  findSignedInEmail(doc: Document): string | null;
  watchGmail: typeof watchGmail;
}

export interface OverlayOptions {
  document: Document;
  /** WXT's `ctx.signal`: aborting removes every host and stops the observer. */
  signal: AbortSignal;
  ask: AskWorker;
  detect: GmailDetection;
  openOptions: () => void;
  /** Run after each scan, so other features (email logging) share this one page watcher. */
  onScan?: () => void;
}

export function startOverlay({
  document: doc,
  signal,
  ask,
  detect,
  openOptions,
  onScan,
}: OverlayOptions) {
  const store = createLookupStore(ask);
  let theme = detectTheme(doc);
  const mounter = createChipMounter((anchor) =>
    createChipHost(anchor, { store, ask, openOptions, theme }),
  );

  function scan() {
    if (signal.aborted) return;
    const signedIn = detect.findSignedInEmail(doc);
    const anchors = detect.findParticipantAnchors(doc, signedIn);
    const added = mounter.sync(anchors);
    // One message for the whole burst, however many people appeared.
    if (added.length > 0) void store.lookup(added, signedIn);
    onScan?.();
  }

  // Reading a computed style can force a style recalculation, so the theme is
  // checked when Gmail navigates (a theme change re-renders the page), not per burst.
  function followTheme() {
    const now = detectTheme(doc);
    if (now === theme) return;
    theme = now;
    mounter.forEach((host) => host.setTheme(theme));
  }

  signal.addEventListener('abort', () => mounter.destroy(), { once: true });
  detect.watchGmail({ root: doc, signal, onChange: scan });
  scan();

  return {
    scan,
    /** After Gmail navigates: ask again for failed or stale lookups, then rescan. */
    navigated() {
      followTheme();
      const again = store.worthRefreshing();
      if (again.length > 0) void store.refresh(again, detect.findSignedInEmail(doc));
      scan();
    },
  };
}
