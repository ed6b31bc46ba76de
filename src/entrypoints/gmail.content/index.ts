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
} from '../../content/gmail';
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
