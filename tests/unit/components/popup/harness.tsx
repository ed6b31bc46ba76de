/** Shared set-up for the popup's component tests: a scripted worker and a fake browser. */
import { render, screen, waitFor } from '@testing-library/preact';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { Popup } from '@/components/popup/Popup';
import { NO_PAGE, type PageOnTab, type PopupServices } from '@/components/popup/services-type';
import { popupServices } from '@/lib/pages/popup/services';
import type { Participant } from '@/lib/shared/people';
import type { OutboxItemView, OutboxSummary, Status } from '@/lib/shared/messaging/protocol';
import type { ProtocolMap } from '@/lib/shared/messaging/messages';
import { outboxFeedItem, writeStatesItem } from '@/lib/shared/storage/items';
import { readAtOpen } from '@/lib/shared/storage/follow';
import { writeStatusOf } from '@/lib/worker/outbox/item-status';
import type { OutboxFeed, WriteStates } from '@/lib/shared/storage/table';
import { EMPTY_OUTBOX, feedOf, RAHUL, STATUS_OK } from '../../../factories';

/** Connected, read-write; no Vivre web app to link to. */
export const okStatus: Status = { ...STATUS_OK, appUrl: null };

const SYNCED_ITEM: OutboxItemView = {
  id: '',
  state: 'synced',
  createdAt: 0,
  attempts: 1,
  summary: 'Synced write',
  write: { kind: 'logActivity', body: { contact_id: 'cnt_8821', type: 'call' } },
};

type Handler<K extends keyof ProtocolMap> = (
  data: Parameters<ProtocolMap[K]>[0],
) => ReturnType<ProtocolMap[K]>;
export type Worker = { [K in keyof ProtocolMap]?: Handler<K> };

const ok = <T,>(value: T) => ({ ok: true as const, value });

/**
 * A worker answering like a healthy, empty one unless told otherwise; `outbox` is what it
 * publishes as waiting and stuck after each message (the popup reads the feed, not a message).
 */
export function scriptWorker(
  overrides: Worker = {},
  outbox: () => OutboxSummary = () => EMPTY_OUTBOX,
) {
  let next = 0;
  const worker: Worker = {
    getStatus: () => ok(okStatus),
    flushOutbox: () => ok(null),
    lookupContacts: () => ok({}),
    searchContacts: () => ok([]),
    getContactDetails: ({ contactId }) =>
      ok({ contact: { ...RAHUL, id: contactId }, deals: [], activities: null, fetchedAt: 0 }),
    enqueueWrite: () => ok({ id: `item_${++next}`, state: 'waiting' as const }),
    retryOutboxItem: () => ok(null),
    discardOutboxItem: () => ok(null),
    // Everything it holds: the popup keeps only what concerns the contact (pending.ts).
    listPendingFor: () => ok([...outbox().waiting, ...outbox().attention]),
    ...overrides,
  };
  const enqueued = new Set<string>();
  /**
   * What the real worker does after every outbox change (lib/worker/outbox/feed.ts): publish
   * the outbox for pages and each write's state. A write this fake queued that is no longer
   * waiting or stuck has reached Vivre.
   */
  async function publish() {
    const current = outbox();
    const listed = new Set([...current.waiting, ...current.attention].map((i) => i.id));
    const synced = [...enqueued]
      .filter((id) => !listed.has(id))
      .map((id) => ({ ...SYNCED_ITEM, id }));
    const feed = feedOf(current, synced);
    await outboxFeedItem.setValue(feed);
    await writeStatesItem.setValue(statesOf(feed));
  }
  void publish();
  const ask = vi.fn(async (type: keyof ProtocolMap, data?: unknown) => {
    const handler = worker[type] as ((d: unknown) => unknown) | undefined;
    if (!handler) throw new Error(`unexpected ask(${type})`);
    const answer = (await handler(data)) as { ok: boolean; value?: { id?: string } };
    if (type === 'enqueueWrite' && answer.ok && answer.value?.id) enqueued.add(answer.value.id);
    await publish();
    return answer;
  });
  return ask as unknown as PopupServices['ask'] & typeof ask;
}

/** Each write's state, as the worker publishes it beside the feed. */
function statesOf(feed: OutboxFeed): WriteStates {
  const states: WriteStates = {};
  for (const item of [...feed.synced, ...feed.waiting, ...feed.attention]) {
    states[item.id] = writeStatusOf(item, feed.paused);
  }
  return states;
}

export function calls(ask: ReturnType<typeof scriptWorker>, type: keyof ProtocolMap) {
  return ask.mock.calls.filter(([t]) => t === type).map(([, data]) => data);
}

export function makeServices(
  ask: PopupServices['ask'],
  participants: Participant[] = [],
  page: Partial<PageOnTab> = {},
) {
  const services: PopupServices = {
    ...popupServices,
    // What each test stored, read when it renders (the real popup reads once, as it opens).
    loadLocal: readAtOpen,
    localIfRead: () => null,
    ask,
    getPage: async () => ({ ...NO_PAGE, participants, ...page }),
    openOptions: vi.fn(),
  };
  return services;
}

/** Renders the popup and waits until the worker's status is in: the form is ready to send, or replaced. */
export async function renderPopup(services: PopupServices) {
  const view = render(<Popup services={services} />);
  await waitFor(() => {
    const connect = screen.queryByRole('heading', { name: 'Connect your Vivre workspace' });
    const button = screen.queryByRole('button', { name: 'Log activity' });
    if (!connect && button?.getAttribute('title') === 'Connecting…')
      throw new Error('status pending');
    if (!connect && !button) throw new Error('not rendered');
  });
  return view;
}

export function resetBrowser() {
  fakeBrowser.reset();
}
