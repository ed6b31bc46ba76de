import { browser } from 'wxt/browser';
import { onVivreAnswering } from '../../shared/storage/follow';
import { ask } from '../../shared/messaging/messenger';
import { linkToGmail } from './gmail-link';
import { guardCardInput } from './input-guard';
import { sendWrite } from './send-write';
import { panelOpener, type PanelApis } from '../open-panel';
import type { CardServices } from '../../../components/card/services-type';

// A press in the card asks Gmail's side for a look too, over the link made just below.
const inputGuard = guardCardInput(window, (press) => gmail.send({ type: 'pressed', press }));
const gmail = linkToGmail(window, inputGuard);

export const cardServices: CardServices = {
  ask,
  sendWrite: (write, onProgress, signal) => sendWrite(ask, write, onProgress, signal),
  gmail,
  watchInterference: inputGuard.watchInterference,
  onReconnect(signal, callback) {
    addEventListener('online', callback, { signal });
    onVivreAnswering(signal, callback);
  },
  markInteractive: () => performance.mark('vivre-card-interactive'),
  // Chrome's card frame has the extension's APIs; Firefox's has only a content script's.
  openPanel: panelOpener(browser as unknown as PanelApis),
};
