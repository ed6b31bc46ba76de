/**
 * Everything the content script does in a Gmail tab, wired once: one page watcher, one lookup
 * store, the chips (./chips), email logging (./email-logging), and the answer to the popup's
 * "who is on this page?". All of it ends when `signal` aborts.
 */
import { ask, contentMessenger } from '../shared/messaging/messenger';
import { createLookupStore } from './chips/lookup-store';
import { startOverlay } from './chips/start-overlay';
import { startEmailLogging } from './email-logging/start-email-logging';
import { findComposeParticipants } from './gmail/compose-recipients';
import { findSignedInEmail } from './gmail/page';
import { findParticipantAnchors } from './gmail/participants';
import { findThreadParticipants } from './gmail/thread';
import { watchGmail } from './gmail/watch';
import { pageParticipants } from './page-participants';

const detect = {
  findParticipantAnchors,
  findThreadParticipants,
  findComposeParticipants,
  findSignedInEmail,
  watchGmail,
};

export function startInGmail(doc: Document, signal: AbortSignal) {
  const store = createLookupStore(ask);
  const emailLogging = startEmailLogging({ document: doc, signal, ask, store });
  const overlay = startOverlay({
    document: doc,
    signal,
    ask,
    store,
    detect,
    onScan: emailLogging.scan,
  });
  const stopAnswering = contentMessenger.onMessage('getPageParticipants', () =>
    pageParticipants(doc, detect),
  );
  signal.addEventListener('abort', stopAnswering, { once: true });
  /** Gmail is a single-page app: call after each history change (a new thread, a new view). */
  return {
    navigated() {
      overlay.navigated();
      emailLogging.navigated();
    },
  };
}
