/**
 * Opens the extension's options page from Gmail. Content scripts cannot call
 * runtime.openOptionsPage, and Chrome blocks a web page from navigating to an
 * extension page that is not web-accessible, so the worker has to open it.
 */
import { ask } from '../messaging/client';

export function openOptionsPage(): void {
  // 'openOptions' is not in ProtocolMap yet (the worker owns it); until it is, the
  // call is untyped and a worker without the handler simply answers an error.
  const send = ask as unknown as (type: string) => Promise<unknown>;
  void send('openOptions');
}
