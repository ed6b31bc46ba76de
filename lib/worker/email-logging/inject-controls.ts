/**
 * Injects the email-logging controls (entrypoints/email-logging.content/) into the Gmail frame
 * that asked, and nowhere else: the router has already checked that the sender is our content
 * script in a https://mail.google.com/ tab, and the target is that tab and that frame. The
 * script is no web-accessible resource, so Gmail's page can neither load nor probe it; it runs in
 * the frame's isolated world beside the content script that asked
 * (lib/content/email-logging/on-demand.ts says why it is loaded late).
 */
import { browser } from 'wxt/browser';
import type { Sender } from '../router';
import { VivreError } from '../vivre/errors';

/** Where WXT builds entrypoints/email-logging.content/. */
export const EMAIL_LOGGING_SCRIPT = '/content-scripts/email-logging.js';

export async function injectEmailLogging(sender: Sender): Promise<null> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.kind !== 'gmail') {
    throw new VivreError({
      kind: 'forbidden',
      message: 'Vivre can add email logging only to a Gmail tab.',
    });
  }
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [sender.frameId ?? 0] },
    files: [EMAIL_LOGGING_SCRIPT],
  });
  return null;
}
