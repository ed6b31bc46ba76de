/**
 * Thread messages already logged from this browser, kept by the worker: Gmail message id → when.
 * Ids and times only, never content, in storage.local so "Logged ✓" survives reloads.
 */
import { loggedMessagesItem } from '../../shared/storage';

/** Plenty for months of logging, and a bound on what storage.local holds. */
const KEEP = 5000;

export const loggedMessages = {
  get: () => loggedMessagesItem.getValue(),
  async remember(messageId: string, at: number): Promise<void> {
    const entries = Object.entries({ ...(await loggedMessagesItem.getValue()), [messageId]: at });
    // The oldest go first when the list is full.
    const kept =
      entries.length > KEEP ? entries.sort((a, b) => b[1] - a[1]).slice(0, KEEP) : entries;
    await loggedMessagesItem.setValue(Object.fromEntries(kept));
  },
};
