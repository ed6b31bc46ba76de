/**
 * Tells an extension page each time the worker publishes that Vivre answered again (its
 * connection record back to 'ok'), read straight from storage.session's change events: a page
 * that only needs this does not load @wxt-dev/storage, which reads every item it defines as
 * its module loads.
 */
import { browser } from 'wxt/browser';
import { AT_OPEN, areaAndKey, type ConnectionRecord } from './storage-at-open';

const [AREA, KEY] = areaAndKey(AT_OPEN.connection.key);

export function onVivreAnswering(signal: AbortSignal, callback: () => void): void {
  if (signal.aborted) return;
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const record = changes[KEY]?.newValue as ConnectionRecord | undefined;
    if (area === AREA && record?.state === 'ok') callback();
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), {
    once: true,
  });
}
