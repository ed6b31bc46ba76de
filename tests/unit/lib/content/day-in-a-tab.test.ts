// @vitest-environment happy-dom
/**
 * A Gmail tab stays open for a working day. Bounded here (the timed version is `npm run bench`):
 * threads opened, inbox pages turned and composes opened and closed, many times over, leave
 * behind no host, no listener, no row the view no longer shows and no lookup waiting for a row
 * gone. Counts and bounds, no times.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startChips } from '@/lib/content/chips/start-chips';
import { startRowChips } from '@/lib/content/chips/row-chips';
import { startEmailLogging } from '@/lib/content/email-logging/start-email-logging';
import { everyElementNear } from '@/lib/content/near-viewport';
import { createLookupStore } from '@/lib/content/lookups/lookup-store';
import { DEFAULT_INBOX_LIST } from '@/lib/shared/inbox-list';
import type { Ask } from '@/lib/shared/messaging/messenger';
import { showFixture } from './gmail/load-fixture';
import { gmail } from './chips/gmail-detection';
import { fakeWorker } from './email-logging/fake-worker';

const VIEWS: Array<[string, 'shared' | 'own']> = [
  ['thread-expanded-2025.html', 'shared'],
  ['inbox-2019.html', 'own'],
  ['compose-send.html', 'own'],
  ['inline-reply-typed.html', 'own'],
];
const DAYS_WORTH = 25; // rounds of every view: 100 views, bounded for npm test

/** Listeners added and not removed on these targets, counted while `run` runs. */
function countListeners() {
  const live = new Map<EventTarget, number>();
  // The page's own EventTarget (the DOM's), which may not be Node's global one.
  let target: object = document;
  while (!Object.hasOwn(target, 'addEventListener')) target = Object.getPrototypeOf(target);
  const proto = target as EventTarget;
  const add = proto.addEventListener;
  const remove = proto.removeEventListener;
  const spies = [
    vi.spyOn(proto, 'addEventListener').mockImplementation(function (this: EventTarget, ...args) {
      const signal = (args[2] as AddEventListenerOptions | undefined)?.signal;
      live.set(this, (live.get(this) ?? 0) + 1);
      signal?.addEventListener('abort', () => live.set(this, (live.get(this) ?? 1) - 1));
      return add.apply(this, args);
    }),
    vi.spyOn(proto, 'removeEventListener').mockImplementation(function (
      this: EventTarget,
      ...args
    ) {
      live.set(this, (live.get(this) ?? 1) - 1);
      return remove.apply(this, args);
    }),
  ];
  return {
    /** Listeners still registered on the document and the window. */
    onPage: () => (live.get(document) ?? 0) + (live.get(window) ?? 0),
    restore: () => spies.forEach((spy) => spy.mockRestore()),
  };
}

/** Our hosts for what the view shows: the card's one host per tab comes and goes at idle. */
const viewHosts = () => [...document.querySelectorAll('[data-vivre-host]:not(vivre-card)')];
const ourHosts = () => viewHosts().length;
const ourTags = () =>
  viewHosts()
    .map((host) => host.localName)
    .join();

/**
 * Row lookups the worker holds unanswered, as a busy one does behind the open thread, until the
 * tab gives them up: none may be left waiting once the rows that asked are gone.
 */
const heldRows = new Set<string>();

function startContentScript(signal: AbortSignal) {
  const worker = fakeWorker();
  const ask = (async (type: string, data?: { emails: string[]; priority?: string }) => {
    if (type === 'lookupContacts' && data?.priority === 'rowOutOfView') {
      data.emails.forEach((email) => heldRows.add(email));
      return new Promise(() => {});
    }
    if (type === 'giveUpLookups') {
      data!.emails.forEach((email) => heldRows.delete(email));
      return { ok: true, value: null };
    }
    return (worker.ask as (t: string, d?: unknown) => Promise<unknown>)(type, data);
  }) as unknown as Ask;
  const store = createLookupStore(ask);
  // happy-dom has no layout: its IntersectionObserver never reports.
  const logging = startEmailLogging({ document, signal, ask, store, watchNear: everyElementNear });
  const rows = startRowChips({
    document,
    signal,
    store,
    signedIn: () => gmail.findSignedInEmail(document),
    theme: 'light',
  });
  rows.setPrefs(DEFAULT_INBOX_LIST);
  const chips = startChips({
    document,
    signal,
    ask,
    store,
    detect: gmail,
    onScan: (change) => {
      logging.scan();
      rows.scan(change?.roots);
    },
  });
  return () => {
    chips.navigated();
    logging.navigated();
  };
}

afterEach(() => document.body.replaceChildren());

describe('a day in one Gmail tab', () => {
  it('leaves no host, listener or row behind as views come and go', async () => {
    const listeners = countListeners();
    const controller = new AbortController();
    try {
      const navigated = startContentScript(controller.signal);
      const hostsIn: Record<string, string> = {};
      let listenersAfterFirstRound = 0;
      for (let round = 0; round < DAYS_WORTH; round++) {
        for (const [name, where] of VIEWS) {
          showFixture(name, where);
          navigated();
          await vi.waitFor(() => expect(ourHosts()).toBeGreaterThan(0));
          await new Promise((resolve) => setTimeout(resolve, 0));
          // The same view shows the same hosts in the last round as in the first.
          hostsIn[name] ??= ourTags();
          expect(`${name}, round ${round + 1}: ${ourTags()}`).toBe(
            `${name}, round ${round + 1}: ${hostsIn[name]}`,
          );
          expect(document.querySelectorAll('vivre-card').length).toBeLessThanOrEqual(1);
          if (name.startsWith('inbox')) expect(heldRows.size).toBeGreaterThan(0);
        }
        document.body.replaceChildren();
        navigated();
        await new Promise((resolve) => setTimeout(resolve, 0));
        expect([...heldRows]).toEqual([]);
        if (round === 0) listenersAfterFirstRound = listeners.onPage();
        expect(listeners.onPage()).toBe(listenersAfterFirstRound);
      }
      expect(ourHosts()).toBe(0);
      controller.abort();
      expect(listeners.onPage()).toBeLessThanOrEqual(listenersAfterFirstRound);
    } finally {
      controller.abort();
      listeners.restore();
    }
  }, 120_000);
});
