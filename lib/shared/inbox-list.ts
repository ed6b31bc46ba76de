/**
 * Score chips in Gmail's list views (inbox, labels, search results): on by default, and the score
 * from which a row is marked a hot lead. The options page writes them in storage.local under one
 * key (declared with the other items in ./storage.ts); the content script reads them through this
 * module alone, with the browser's storage API directly, as it does the write states.
 */
import { browser } from 'wxt/browser';

export const INBOX_LIST_KEY = 'inbox-list';

export interface InboxListPrefs {
  showScores: boolean;
  /** AI score from which a row gets the hot-lead mark (0-100). */
  hotLeadThreshold: number;
}

export const DEFAULT_INBOX_LIST: InboxListPrefs = { showScores: true, hotLeadThreshold: 70 };

/** Whatever was stored, as prefs: a missing or broken value falls back on the defaults. */
export function inboxListPrefs(stored: unknown): InboxListPrefs {
  const value = (stored ?? {}) as Partial<InboxListPrefs>;
  const threshold = Number(value.hotLeadThreshold);
  return {
    showScores: typeof value.showScores === 'boolean' ? value.showScores : true,
    hotLeadThreshold:
      Number.isInteger(threshold) && threshold >= 0 && threshold <= 100
        ? threshold
        : DEFAULT_INBOX_LIST.hotLeadThreshold,
  };
}

/** Calls `callback` with the prefs now, then after each change, until `signal` aborts. */
export function followInboxListPrefs(
  signal: AbortSignal,
  callback: (prefs: InboxListPrefs) => void,
): void {
  if (signal.aborted) return;
  let changed = false;
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[INBOX_LIST_KEY];
    if (area !== 'local' || !change || signal.aborted) return;
    changed = true;
    callback(inboxListPrefs(change.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), {
    once: true,
  });
  void browser.storage.local.get(INBOX_LIST_KEY).then((stored) => {
    if (!changed && !signal.aborted) callback(inboxListPrefs(stored[INBOX_LIST_KEY]));
  });
}
