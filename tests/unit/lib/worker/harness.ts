/** A whole worker on fake-indexeddb, WXT's fake browser and a stubbed fetch. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { routeMessage, type Sender } from '@/lib/worker/router';
import type { MessageType } from '@/lib/shared/messaging/messenger';
import { MESSAGES, type SenderKind } from '@/lib/shared/messaging/messages';
import { createWorker } from '@/lib/worker/create-worker';
import { stubFetch, type Handler } from './vivre/fake-vivre';

export const SELF = { id: fakeBrowser.runtime.id, root: fakeBrowser.runtime.getURL('/') };
export const POPUP: Sender = { id: SELF.id, url: `${SELF.root}popup.html` };
export const OPTIONS: Sender = {
  id: SELF.id,
  url: `${SELF.root}options.html`,
  frameId: 0,
  tab: { id: 7, url: `${SELF.root}options.html` },
};
export const GMAIL_TAB: Sender = {
  id: SELF.id,
  url: 'https://mail.google.com/mail/u/0/#inbox',
  tab: { id: 3, url: 'https://mail.google.com/mail/u/0/#inbox' },
};
/** The contact card: our page, framed in a Gmail tab. */
export const CARD: Sender = {
  id: SELF.id,
  url: `${SELF.root}card.html`,
  frameId: 4,
  tab: { id: 3, url: 'https://mail.google.com/mail/u/0/#inbox' },
};

/** The panel beside the email: Chrome's side panel and Firefox's sidebar have no tab. */
export const PANEL: Sender = { id: SELF.id, url: `${SELF.root}sidepanel.html` };

export const SENDERS: Record<SenderKind, Sender> = {
  popup: POPUP,
  options: OPTIONS,
  card: CARD,
  gmail: GMAIL_TAB,
  panel: PANEL,
};

/** A sender the message table allows for `type` (its first), so tests ask the way the UI does. */
export const allowedSender = (type: MessageType): Sender => SENDERS[MESSAGES[type].from[0]!];

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
  const ask = <K extends MessageType>(type: K, data?: unknown, sender = allowedSender(type)) =>
    routeMessage(type, data, sender, worker.handlers, SELF);
  return { ...fake, worker, ask };
}

/** Lets queued promise chains and IndexedDB callbacks run. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 0));
}
