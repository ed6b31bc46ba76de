/**
 * Thread messages already logged from this browser, kept by the worker: Gmail message id → when.
 * Ids and times only, never content, in the worker's own storage so "Logged ✓" survives reloads
 * and no content script can mark a message logged (it would never be logged then).
 */
import { loggedMessagesItem } from '../storage/items';

/** Plenty for months of logging, and a bound on what it holds. */
const KEEP = 5000;

/**
 * Updates run one after another. Each reads the list and writes it back whole, so two at once
 * (two tabs logging at the same moment) would each write the other's id away. The worker is
 * the only writer, and one runs per browser, so a chain here is enough.
 */
let updates: Promise<unknown> = Promise.resolve();

async function add(messageId: string, at: number): Promise<void> {
  const entries = Object.entries({ ...(await loggedMessagesItem.getValue()), [messageId]: at });
  // The oldest go first when the list is full.
  const kept = entries.length > KEEP ? entries.sort((a, b) => b[1] - a[1]).slice(0, KEEP) : entries;
  await loggedMessagesItem.setValue(Object.fromEntries(kept));
}

export const loggedMessages = {
  get: () => loggedMessagesItem.getValue(),
  remember(messageId: string, at: number): Promise<void> {
    const done = updates.then(() => add(messageId, at));
    // A failed update is its caller's to report; the next one still runs.
    updates = done.catch(() => undefined);
    return done;
  },
};
