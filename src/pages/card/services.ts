import { ask } from '../../shared/messaging/messenger';
import { linkToGmail } from './gmail-link';
import { sendWrite } from './send-write';
import type { CardServices } from './services-type';

export const cardServices: CardServices = {
  ask,
  sendWrite: (write, onProgress, signal) => sendWrite(ask, write, onProgress, signal),
  gmail: linkToGmail(window),
  markInteractive: () => performance.mark('vivre-card-interactive'),
};
