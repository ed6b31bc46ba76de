/**
 * Gmail content script: only wiring. lib/gmail/ finds the people, lib/overlay/
 * mounts the chips and talks to the worker; WXT's context tears it all down.
 */
import {
  findComposeParticipants,
  findParticipantAnchors,
  findSignedInEmail,
  findThreadParticipants,
  watchGmail,
} from '../../lib/gmail';
import { startEmailLogging } from '../../lib/email-logging/start-email-logging';
import { ask } from '../../lib/messaging/client';
import { contentMessenger } from '../../lib/overlay/content-messenger';
import { openOptionsPage } from '../../lib/overlay/open-options';
import { pageParticipants } from '../../lib/overlay/page-participants';
import { startOverlay } from '../../lib/overlay/start-overlay';

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
