/**
 * Where each write stands, as the worker publishes it in storage.local under one key
 * (declared with the other items in ./storage.ts). The content script reads it through
 * this module alone, with the browser's storage API directly: WXT's storage helpers cost
 * the Gmail bundle more than its whole budget has left.
 */
import { browser } from 'wxt/browser';
import type { WriteStatus } from './messaging/protocol';

export type { WriteStatus };

export const WRITE_STATES_KEY = 'write-states';

export type WriteStates = Record<string, WriteStatus>;

/**
 * Calls `callback` with the states now, then after each change, until `signal` aborts. A
 * first read that comes back after a change was already seen is dropped as older.
 */
export function followWriteStates(signal: AbortSignal, callback: (states: WriteStates) => void) {
  if (signal.aborted) return;
  let changed = false;
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[WRITE_STATES_KEY];
    if (area !== 'local' || !change || signal.aborted) return;
    changed = true;
    callback((change.newValue as WriteStates | undefined) ?? {});
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), {
    once: true,
  });
  void browser.storage.local.get(WRITE_STATES_KEY).then((stored) => {
    if (!changed && !signal.aborted) callback((stored[WRITE_STATES_KEY] as WriteStates) ?? {});
  });
}
