/**
 * Everything the content script does in a Gmail tab, wired once: one page watcher, one lookup
 * store, the chips (./chips), email logging (./email-logging, loaded when a view needs it:
 * ./email-logging/on-demand.ts), and the answer to the popup's
 * "who is on this page?", also pushed to the panel beside the email while it follows this tab
 * (./panel-feed.ts). All of it ends when `signal` aborts.
 */
import { ask, contentMessenger } from '../shared/messaging/messenger';
import { inboxListPrefs } from '../shared/inbox-list';
import { follow, rawItem } from '../shared/storage/follow';
import { INBOX_LIST } from '../shared/storage/table';
import { createLookupStore } from './lookups/lookup-store';
import { readChipMirror } from './lookups/mirror';
import { startRowChips } from './chips/row-chips';
import { startChips } from './chips/start-chips';
import { emailLoggingOnDemand } from './email-logging/on-demand';
import { findComposeParticipants } from './gmail/compose-recipients';
import { detectTheme, findSignedInEmail } from './gmail/page';
import { findParticipantAnchors } from './gmail/participants';
import { prepareRoleWords } from './gmail/recipient-roles';
import { findThreadParticipants } from './gmail/thread';
import { BURST_IDLE_TIMEOUT_MS, watchGmail } from './gmail/watch';
import { idleOnce } from './idle-once';
import { watchNearViewport } from './near-viewport';
import { pageParticipants } from './page-participants';
import { startPanelFeedInTab } from './panel-feed';

const detect = {
  findParticipantAnchors,
  findThreadParticipants,
  findComposeParticipants,
  findSignedInEmail,
  watchGmail,
};

export function startInGmail(doc: Document, signal: AbortSignal) {
  // Read at once, so the first chips can be drawn from it before the worker answers.
  const store = createLookupStore(ask, {
    read: readChipMirror(),
    signedIn: () => findSignedInEmail(doc),
  });
  const emailLogging = emailLoggingOnDemand({
    document: doc,
    signal,
    ask,
    store,
    watchNear: watchNearViewport,
  });
  // List rows share the chips' one page watcher: each scan reads the rows it touched.
  const rowChips = startRowChips({
    document: doc,
    signal,
    store,
    signedIn: () => findSignedInEmail(doc),
    theme: detectTheme(doc),
  });
  follow(rawItem(INBOX_LIST, inboxListPrefs), signal, rowChips.setPrefs);
  const panelFeed = startPanelFeedInTab(doc, detect, signal);
  // Row chips are drawn with the thread's chips; what draws no chip waits for idle time.
  const afterChips = idleOnce(
    () => {
      emailLogging.scan();
      panelFeed.changed();
    },
    { timeout: BURST_IDLE_TIMEOUT_MS, signal },
  );
  const chips = startChips({
    document: doc,
    signal,
    ask,
    store,
    detect,
    onScan: (change) => {
      rowChips.scan(change && [...change.roots, ...change.rows]);
      emailLogging.changed(change);
      afterChips();
    },
  });
  // Compiled while the tab is idle, not on the way to its first thread's chips.
  idleOnce(prepareRoleWords, { timeout: 2000, signal })();
  const stopAnswering = contentMessenger.onMessage('getPageParticipants', () =>
    pageParticipants(doc, detect),
  );
  signal.addEventListener('abort', stopAnswering, { once: true });
  /** Gmail is a single-page app: call after each history change (a new thread, a new view). */
  return {
    navigated() {
      chips.navigated();
      emailLogging.navigated();
    },
  };
}
