/** A whole worker on fake-indexeddb, WXT's fake browser and a stubbed fetch. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { routeMessage, type Sender } from '../../../src/worker/router';
import type { MessageType } from '../../../src/shared/messaging/messenger';
import { createWorker } from '../../../src/worker/create-worker';
import { stubFetch, type Handler } from '../vivre/fake-vivre';

export const SELF = { id: fakeBrowser.runtime.id, root: fakeBrowser.runtime.getURL('/') };
export const POPUP: Sender = { id: SELF.id, url: `${SELF.root}popup.html` };
export const GMAIL_TAB: Sender = {
  id: SELF.id,
  url: 'https://mail.google.com/mail/u/0/#inbox',
  tab: { url: 'https://mail.google.com/mail/u/0/#inbox' },
};

export function startWorker(
  handler: Handler,
  { permitted = (_baseUrl: string) => true }: { permitted?: (baseUrl: string) => boolean } = {},
) {
  fakeBrowser.reset();
  vi.stubGlobal('indexedDB', new IDBFactory());
  const fake = stubFetch(handler);
  const worker = createWorker({
    hasPermission: async (baseUrl) => permitted(baseUrl),
    // Node has no Web Locks here; the outbox falls back to its IndexedDB lease.
  });
  const ask = <K extends MessageType>(type: K, data?: unknown, sender: Sender = POPUP) =>
    routeMessage(type, data, sender, worker.handlers, SELF);
  return { ...fake, worker, ask };
}

/** Lets queued promise chains and IndexedDB callbacks run. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
}
