/**
 * Everything the Gmail content script does, minus the WXT wiring: watch the page,
 * keep a chip beside every participant, look up new people in one batch, and
 * remove it all when the signal aborts.
 */
import { isWorthScanning, type GmailChange } from '../gmail/changed-roots';
import type { watchGmail } from '../gmail/watch';
import type { Participant, ParticipantAnchor } from '../../shared/people';
import type { Ask } from '../../shared/messaging/messenger';
import { createCardFrame } from '../card-host/card-host';
import { createChipHost } from './chip-host';
import { createChipMounter } from './chip-mounter';
import { createLookupStore, type LookupStore } from '../lookups/lookup-store';
import { detectTheme } from '../gmail/page';
import { messageAround } from '../gmail/thread';
import type { WatchNearViewport } from '../near-viewport';
import { idleOnce } from '../idle-once';
import { warmThreadPath } from './warm-up';

/** content/gmail's detection, injected so tests can drive the chips with any page. */
export interface GmailDetection {
  findParticipantAnchors(root: ParentNode, signedIn?: string | null): ParticipantAnchor[];
  findThreadParticipants(root: ParentNode, signedIn?: string | null): Participant[];
  findComposeParticipants(root: ParentNode, signedIn?: string | null): Participant[];
  findSignedInEmail(doc: Document): string | null;
  watchGmail: typeof watchGmail;
}

export interface ChipsOptions {
  document: Document;
  /** The content script's lifetime (../lifetime.ts): aborting removes every host. */
  signal: AbortSignal;
  ask: Ask;
  /** The page's lookup store, shared with email logging (a fresh one when omitted). */
  store?: LookupStore;
  detect: GmailDetection;
  /**
   * Run after each scan, so other features (email logging) share this one page watcher: at start,
   * after navigation, and after each burst that touched people, a removal or a notice. `change`
   * says what the burst touched (undefined: the whole page was scanned).
   */
  onScan?: (change?: GmailChange) => void;
  /** Which anchors are near the viewport (./chip-mounter.ts); tests without layout pass `everyElementNear`. */
  watchNear?: WatchNearViewport;
}

export function startChips({
  document: doc,
  signal,
  ask,
  detect,
  onScan,
  store = createLookupStore(ask),
  watchNear,
}: ChipsOptions) {
  let theme = detectTheme(doc);
  // One card per tab, shared by every chip (lib/content/card-host/card-host.ts).
  const card = createCardFrame({
    document: doc,
    theme,
    onChanged: (email) => void store.refresh([email], detect.findSignedInEmail(doc)),
  });
  // The account read by the scan that mounts the hosts (read once per scan, not per chip).
  let signedIn: string | null = null;
  const mounter = createChipMounter(
    (anchor) => createChipHost(anchor, { store, card, theme, signedIn }),
    { watchNear, hold: store.hold, nearTarget: messageAround },
  );

  /** The whole page: at start and after navigation. */
  function scan() {
    if (signal.aborted) return;
    signedIn = detect.findSignedInEmail(doc);
    lookUp(mounter.sync(detect.findParticipantAnchors(doc, signedIn)), signedIn);
    onScan?.();
  }

  /**
   * One burst: only the messages and recipient fields it touched are read again, so the cost
   * follows the change, not the size of Gmail's page. Churn that shows no people costs nothing.
   */
  function scanChange(change: GmailChange) {
    if (signal.aborted || !isWorthScanning(change)) return;
    const roots = outermostConnected(change.roots);
    if (roots.length === 0 && !change.removed) return onScan?.(change);
    signedIn = detect.findSignedInEmail(doc);
    const anchors = roots.flatMap((root) => detect.findParticipantAnchors(root, signedIn));
    const emails = anchors.map((anchor) => anchor.email);
    const mount = () => {
      // Hosts elsewhere stay; those whose anchor left the page go in any case.
      mounter.sync(anchors, (element) => roots.some((root) => root.contains(element)));
      onScan?.(change);
    };
    // Someone with nothing to show yet (not asked for, not in the chip mirror): the worker is
    // asked before the hosts are built, so its lookup runs while this tab builds them. The
    // messenger sends at the next microtask, and the hosts follow in the one after, still in
    // this task (the frame Gmail draws). Otherwise the hosts, with what they show, come first.
    if (emails.some((email) => !store.has(email) && store.get(email).status === 'loading')) {
      lookUp(emails, signedIn);
      queueMicrotask(() => {
        if (!signal.aborted) mount();
      });
    } else {
      mount();
      lookUp(emails, signedIn);
    }
  }

  /** Asks for those of `emails` this tab has not asked for yet. */
  function lookUp(emails: string[], signedIn: string | null) {
    const unknown = emails.filter((email) => !store.has(email));
    // One message for the whole burst, however many people appeared. Once chips have answers,
    // the card's frame loads while the tab is idle, so the first click does not wait for it.
    if (unknown.length > 0) void store.lookup(unknown, signedIn).then(() => card.warmWhenIdle());
  }

  // Reading a computed style can force a style recalculation, so the theme is
  // checked when Gmail navigates (a theme change re-renders the page), not per burst.
  function followTheme() {
    const now = detectTheme(doc);
    if (now === theme) return;
    theme = now;
    mounter.forEach((host) => host.setTheme(theme));
    card.setTheme(theme);
  }

  signal.addEventListener(
    'abort',
    () => {
      mounter.destroy();
      card.destroy();
    },
    { once: true },
  );
  // At once: a new tab's chips come from the mirror (or this tab's answers) with nothing to wait
  // for, so they are drawn in the frame that draws Gmail's rows or headers, not a frame later.
  detect.watchGmail({ root: doc, signal, onChange: scanChange, atOnce: true });
  scan();
  // While the tab is idle, so the first thread the rep opens is read by compiled code (./warm-up.ts).
  const warm = () =>
    warmThreadPath(
      doc,
      (root) => detect.findParticipantAnchors(root, signedIn),
      (anchor) => createChipHost(anchor, { store, card, theme, signedIn }),
    );
  idleOnce(warm, { timeout: 2000, signal })();

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

/** Roots still on the page, without those inside another (read once, as part of it). */
function outermostConnected(roots: Iterable<Element>): Element[] {
  const connected = [...roots].filter((root) => root.isConnected);
  return connected.filter(
    (root) => !connected.some((other) => other !== root && other.contains(root)),
  );
}
