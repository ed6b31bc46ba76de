/** Gmail content script: only wiring (lib/content/start-in-gmail.ts does the work). */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startInGmail } from '../../lib/content/start-in-gmail';
import { startLifetime } from '../../lib/content/lifetime';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  // WXT's "started" message would go to every listener of Gmail's window; we need none of it.
  noScriptStartedPostMessage: true,
  // Not `ctx`: page script can abort its signal (lib/content/lifetime.ts says how).
  main() {
    // Gmail is a single-page app: a new thread is a history change, not a new page.
    const gmail = startInGmail(
      document,
      startLifetime(() => gmail.navigated()),
    );
  },
});
