/**
 * The email-logging controls: only wiring (lib/content/email-logging/start-email-logging.ts does
 * the work). Not in the manifest: the worker injects it into a Gmail frame that shows a compose
 * or an expanded message (lib/content/email-logging/on-demand.ts says why), where it takes what
 * the Gmail content script handed over (lib/content/email-logging/bridge.ts).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { takeBridge } from '../../lib/content/email-logging/bridge';
import { startEmailLogging } from '../../lib/content/email-logging/start-email-logging';

export default defineContentScript({
  // Runtime: WXT builds it beside the Gmail one and grants the host it may be injected into.
  registration: 'runtime',
  matches: ['https://mail.google.com/*'],
  // As for the Gmail one: WXT's "started" message would go to every listener of Gmail's window.
  noScriptStartedPostMessage: true,
  // Not `ctx`: page script can abort its signal; the lifetime is the Gmail script's, handed over.
  main() {
    const bridge = takeBridge();
    if (bridge) bridge.attach(startEmailLogging(bridge.options));
  },
});
