/**
 * Score chips in Gmail's list views (inbox, labels, search results): on by default, and the score
 * from which a row is marked a hot lead. Kept in storage.local (INBOX_LIST in ./storage/table.ts), where the
 * content script reads them.
 */

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
