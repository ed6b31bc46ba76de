/** Gmail content script: only wiring (lib/content/start-in-gmail.ts does the work). */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startInGmail } from '../../lib/content/start-in-gmail';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const gmail = startInGmail(document, ctx.signal);
    // Gmail is a single-page app: a new thread is a history change, not a new page.
    ctx.addEventListener(window, 'wxt:locationchange', () => gmail.navigated());
  },
});
