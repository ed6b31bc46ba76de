/**
 * Thread messages already logged from this browser: Gmail message id → when. Ids and times only,
 * never content, in storage.local so "Logged ✓" survives reloads and shows in every Gmail tab.
 * Plain `browser.storage.local` rather than WXT's storage.defineItem: that module costs ~3.7 KB
 * gzipped, and the content script's budget is 25 KB in all.
 */
import { browser } from 'wxt/browser';

type LoggedMap = Record<string, number>;

/** The storage.local key; WXT's storage would read it as `local:logged-email-messages`. */
export const LOGGED_MESSAGES_KEY = 'logged-email-messages';

/** Plenty for months of logging, and a bound on what storage.local holds. */
const KEEP = 5000;

export interface LoggedMessages {
  get(messageId: string): Promise<number | null>;
  /** Records the message; answers the earlier time instead when it was logged already. */
  remember(messageId: string, at: number): Promise<number>;
  /** Undoes `remember` when the log could not even be queued. */
  forget(messageId: string): Promise<void>;
}

export function createLoggedMessages(area = browser.storage.local): LoggedMessages {
  const read = async (): Promise<LoggedMap> =>
    ((await area.get(LOGGED_MESSAGES_KEY))[LOGGED_MESSAGES_KEY] as LoggedMap | undefined) ?? {};
  const write = (logged: LoggedMap) => area.set({ [LOGGED_MESSAGES_KEY]: logged });
  return {
    async get(messageId) {
      return (await read())[messageId] ?? null;
    },
    async remember(messageId, at) {
      const logged = await read();
      const earlier = logged[messageId];
      if (earlier !== undefined) return earlier;
      logged[messageId] = at;
      const ids = Object.keys(logged);
      // The oldest go first when the list is full.
      if (ids.length > KEEP) {
        ids.sort((a, b) => logged[a]! - logged[b]!);
        for (const id of ids.slice(0, ids.length - KEEP)) delete logged[id];
      }
      await write(logged);
      return at;
    },
    async forget(messageId) {
      const logged = await read();
      delete logged[messageId];
      await write(logged);
    },
  };
}
