/**
 * Gmail content script: only wiring. content/gmail/ finds the people and watches the page,
 * content/chips/ mounts the chips and talks to the worker, content/email-logging/ logs emails;
 * WXT's context tears it all down.
 */
import { findComposeParticipants } from '../../content/gmail/compose-recipients';
import { findSignedInEmail } from '../../content/gmail/page';
import { findParticipantAnchors } from '../../content/gmail/participants';
import { findThreadParticipants } from '../../content/gmail/thread';
import { watchGmail } from '../../content/gmail/watch';
import { startEmailLogging } from '../../content/email-logging/start-email-logging';
import { ask } from '../../shared/messaging/messenger';
import { contentMessenger } from '../../shared/messaging/messenger';
import { openOptionsPage } from '../../content/chips/open-options';
import { pageParticipants } from '../../content/page-participants';
import { startOverlay } from '../../content/chips/start-overlay';

const detect = {
  findParticipantAnchors,
  findThreadParticipants,
  findComposeParticipants,
  findSignedInEmail,
  watchGmail,
};

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const emailLogging = startEmailLogging({ document, signal: ctx.signal, ask });
    const overlay = startOverlay({
      document,
      signal: ctx.signal,
      ask,
      detect,
      openOptions: openOptionsPage,
      onScan: emailLogging.scan,
    });
    // Gmail is a single-page app: a new thread is a history change, not a new page.
    ctx.addEventListener(window, 'wxt:locationchange', () => overlay.navigated());
    ctx.onInvalidated(
      contentMessenger.onMessage('getPageParticipants', () => pageParticipants(document, detect)),
    );
  },
});
