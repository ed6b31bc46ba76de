/**
 * Opens the extension's options page from Gmail. Content scripts cannot call
 * runtime.openOptionsPage, and Chrome blocks a web page from navigating to an
 * extension page that is not web-accessible, so the worker has to open it.
 */
import { ask } from '../../shared/messaging/messenger';

export function openOptionsPage(): void {
  void ask('openOptions');
}
