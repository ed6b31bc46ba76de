/**
 * The ways Gmail shows that a compose is being sent, none trusted alone: a click on its Send button, Ctrl/Cmd+Enter inside it, and the notification bar reading "Message sent"
 * as the compose closes. Listeners run in the capture phase, before Gmail's own handlers remove
 * the compose, so its content can still be read.
 */
import { composeAround, isSendClick } from './compose-content';
import { isHidden } from './query';
import { VIVRE_HOST } from './selectors';

interface SendIntentOptions {
  doc: Document;
  signal: AbortSignal;
  onIntent(compose: Element): void;
}

export function listenForSendIntents({ doc, signal, onIntent }: SendIntentOptions): void {
  const composeOf = (event: Event): Element | null => {
    const target = event.target as Element | null;
    // Duck-typed: the content script's realm has its own Element constructor.
    if (typeof target?.closest !== 'function' || target.closest(VIVRE_HOST)) return null;
    return composeAround(target);
  };
  doc.addEventListener(
    'click',
    (event) => {
      const compose = composeOf(event);
      if (compose && isSendClick(event.target as Element, compose)) onIntent(compose);
    },
    { capture: true, signal },
  );
  // Enter or Space on a focused Send button is left to the close-after-"Message sent" signal.
  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.repeat) return;
      const compose = composeOf(event);
      if (compose) onIntent(compose);
    },
    { capture: true, signal },
  );
}

/** Whether the compose is gone from the page (removed, or hidden as Gmail does on send). */
export function isComposeClosed(compose: Element): boolean {
  return !compose.isConnected || isHidden(compose);
}
