/**
 * Writes through the real worker's outbox and checks, at the sandbox, that each
 * one arrived exactly once: the property a rep's trust in the CRM rests on.
 */
import { randomUUID } from 'node:crypto';
import type { OutboxFeed } from '@/lib/shared/storage/table';
import { FEED_GATHER_MS } from '@/lib/worker/outbox/limits';
import { RAHUL } from '../../factories';
import { askWorkerOk, evaluate, type ExtensionPage } from './messaging';
import type { TestSandbox } from './sandbox';
import { waitFor } from './wait';

/**
 * The outbox as the worker last published it for our pages (lib/worker/outbox/feed.ts):
 * storage.session, which any extension page can read and no content script can. Null
 * before the first publish.
 */
export function outboxFeed(page: ExtensionPage): Promise<OutboxFeed | null> {
  return evaluate(
    page,
    async (key) => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } };
      };
      return ((await chrome.storage.session.get(key))[key] as OutboxFeed | undefined) ?? null;
    },
    'outbox',
  );
}

/**
 * The outbox as published once every change made so far has been: the worker publishes a change
 * at most FEED_GATHER_MS after it, so a write missing from this feed is missing from the outbox.
 */
export async function settledOutboxFeed(page: ExtensionPage): Promise<OutboxFeed | null> {
  await new Promise((resolve) => setTimeout(resolve, FEED_GATHER_MS + 100));
  return outboxFeed(page);
}

/** True once the published outbox has nothing waiting, nothing stuck and no pause. */
export async function outboxIsEmpty(page: ExtensionPage): Promise<boolean> {
  const feed = await outboxFeed(page);
  return feed !== null && feed.waiting.length === 0 && feed.attention.length === 0 && !feed.paused;
}

/**
 * Enqueues `count` notes with unique text on Rahul Sharma (seeded); resolves once each is
 * saved. `page` is the popup (the page that sends writes).
 */
export async function enqueueNotes(
  page: ExtensionPage,
  label: string,
  count: number,
): Promise<string[]> {
  const run = randomUUID().slice(0, 8);
  const notes = Array.from({ length: count }, (_, i) => `e2e ${label} ${run} #${i + 1}`);
  for (const note of notes) {
    const saved = await askWorkerOk(page, 'enqueueWrite', {
      write: { kind: 'logActivity', body: { contact_id: RAHUL.id, type: 'note', note } },
    });
    if (saved.state !== 'waiting' && saved.state !== 'synced') {
      throw new Error(`"${note}" was not accepted for sync: ${saved.state}`);
    }
  }
  return notes;
}

/** How often each note is stored in the sandbox (0 for a missing one). */
export async function storedCopies(sandbox: TestSandbox, notes: string[]): Promise<number[]> {
  const stored = await sandbox.activitiesOf(RAHUL.id);
  return notes.map((note) => stored.filter((activity) => activity.note === note).length);
}

/**
 * Waits until the outbox has nothing left to send and every note is in the sandbox,
 * then returns the copies of each: [1, 1, …] is the only right answer.
 */
export async function waitUntilSynced(
  page: ExtensionPage,
  sandbox: TestSandbox,
  notes: string[],
): Promise<number[]> {
  await waitFor(
    async () =>
      (await outboxIsEmpty(page)) &&
      (await storedCopies(sandbox, notes)).every((copies) => copies > 0),
    `all ${notes.length} notes to sync`,
    { timeoutMs: 60_000, intervalMs: 250 },
  );
  return storedCopies(sandbox, notes);
}
