/**
 * The one line that keeps a held send's promise in view (components/gmail/HeldSendLine.tsx):
 * shown while Gmail can undo the send, then a few seconds with how it ended, then gone.
 */
import { h } from 'preact';
import { HeldSendLine, type HeldSendView } from '../../../components/gmail/HeldSendLine';
import { HELD_SEND_CSS } from '../../../components/gmail/email-log-styles';
import { createPreactHost, type PreactHost } from './preact-host';
import type { LoggingContext } from './logging-context';

/** How long the outcome stays before the line goes. */
export const OUTCOME_SHOWN_MS = 5_000;

export function createHeldSendLine(context: Pick<LoggingContext, 'doc' | 'theme'>) {
  let host: PreactHost | null = null;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;

  function hide() {
    host?.destroy();
    host = null;
  }

  return {
    show(view: HeldSendView | null) {
      clearTimeout(hideTimer);
      if (!view) return hide();
      if (!host) {
        host = createPreactHost(context.doc, {
          tag: 'vivre-held-send',
          css: HELD_SEND_CSS,
          theme: context.theme(),
        });
        context.doc.body.append(host.element);
      }
      host.render(h(HeldSendLine, { view }));
      if (view.state !== 'held') hideTimer = setTimeout(hide, OUTCOME_SHOWN_MS);
    },
    destroy() {
      clearTimeout(hideTimer);
      hide();
    },
  };
}
