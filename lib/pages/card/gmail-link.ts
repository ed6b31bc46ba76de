/**
 * The card's end of its channel to the Gmail content script (lib/shared/card-channel.ts): it
 * takes one port, the first that comes from Gmail's origin with the nonce of this card's own
 * URL, and ignores every other message to its window. Messages on the port are checked too.
 */
import { GMAIL_ORIGIN, nonceFromHash, parseToCard, type ToCard } from '../../shared/card-channel';
import type { CardServices } from '../../../components/card/services-type';
import type { CardInputGuard } from './input-guard';

/**
 * `guard` hears how the frame is drawn ('visible', and 'seen' at a press) and each new showing;
 * the card's own listeners hear only whom to show, or to hide.
 */
export function linkToGmail(win: Window, guard: CardInputGuard): CardServices['gmail'] {
  const nonce = nonceFromHash(win.location.hash);
  const listeners = new Set<(message: ToCard) => void>();
  let port: MessagePort | null = null;
  // The latest message, for a listener that starts after it came (the first render).
  let latest: ToCard | null = null;

  function onHandOver(event: MessageEvent) {
    const offered = event.ports[0];
    const data = event.data as { vivreCard?: unknown } | null;
    if (port || !nonce || event.origin !== GMAIL_ORIGIN || !offered) return;
    if (typeof data !== 'object' || data === null || data.vivreCard !== nonce) return;
    port = offered;
    win.removeEventListener('message', onHandOver);
    port.onmessage = (message) => {
      const checked = parseToCard(message.data);
      if (!checked) return;
      if (checked.type === 'visible') return guard.placed(checked.visible);
      if (checked.type === 'seen') return guard.seen(checked.press, checked.visible);
      guard.reset();
      latest = checked;
      listeners.forEach((listener) => listener(checked));
    };
  }
  win.addEventListener('message', onHandOver);

  return {
    listen(listener) {
      listeners.add(listener);
      if (latest) listener(latest);
      return () => listeners.delete(listener);
    },
    send: (message) => port?.postMessage(message),
  };
}
