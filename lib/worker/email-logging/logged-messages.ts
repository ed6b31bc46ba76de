/**
 * Thread messages already logged from this browser, kept by the worker: Gmail message id → when.
 * Ids and times only, never content, in the worker's own storage so "Logged ✓" survives reloads
 * and no content script can mark a message logged (it would never be logged then).
 */
import { loggedMessagesItem } from '../storage/items';

/** Plenty for months of logging, and a bound on what it holds. */
const KEEP = 5000;

function add(logged: Record<string, number>, messageId: string, at: number) {
  const entries = Object.entries({ ...logged, [messageId]: at });
  // The oldest go first when the list is full.
  const kept = entries.length > KEEP ? entries.sort((a, b) => b[1] - a[1]).slice(0, KEEP) : entries;
  return Object.fromEntries(kept);
}

export const loggedMessages = {
  get: () => loggedMessagesItem.getValue(),
  /** In turn with every other write of the list: two tabs logging at once keep both ids. */
  async remember(messageId: string, at: number): Promise<void> {
    await loggedMessagesItem.update((logged) => add(logged, messageId, at));
  },
};
