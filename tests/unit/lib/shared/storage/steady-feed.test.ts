import { describe, expect, it, vi } from 'vitest';
import type { OutboxItemView } from '@/lib/shared/messaging/protocol';
import type { Followable } from '@/lib/shared/storage/follow';
import { followFeed, steadyFeed } from '@/lib/shared/storage/steady-feed';
import type { OutboxFeed } from '@/lib/shared/storage/table';
import { feedOf, RAHUL } from '../../../../factories';

const item = (n: number, note = `note ${n}`): OutboxItemView => ({
  id: `item_${n}`,
  state: 'waiting',
  createdAt: n,
  attempts: 0,
  summary: `Note ${n} for Rahul Sharma`,
  write: { kind: 'logActivity', body: { contact_id: RAHUL.id, type: 'note', note } },
});

/** A feed as storage hands it to a page: a fresh copy of everything. */
const published = (feed: OutboxFeed): OutboxFeed => structuredClone(feed);

/** The feed of a long outbox: its first page of `first` items out of `total`. */
function longFeed(first: OutboxItemView[], total: number): OutboxFeed {
  const feed = feedOf({ waiting: first, attention: [], paused: null });
  return {
    ...feed,
    counts: { waiting: total, attention: 0 },
    more: { waiting: 21, attention: null },
  };
}

describe('steadyFeed', () => {
  const page = [1, 2, 3].map((n) => item(n));

  it('hands back the page’s own feed when a publication changed nothing', () => {
    const shown = longFeed(page, 40);
    expect(steadyFeed(shown, published(shown))).toBe(shown);
  });

  it('keeps the first page’s objects when only the count grew (a write queued behind it)', () => {
    const shown = longFeed(page, 40);
    const next = steadyFeed(shown, published(longFeed(page, 41)))!;
    expect(next).not.toBe(shown);
    expect(next.counts.waiting).toBe(41);
    expect(next.waiting).toBe(shown.waiting);
    expect(next.attention).toBe(shown.attention);
    expect(next.more).toBe(shown.more);
  });

  it('keeps each unchanged item and takes the changed and new ones as published', () => {
    const shown = longFeed(page, 40);
    const retried = {
      ...item(2),
      attempts: 1,
      lastError: { kind: 'network', message: 'Offline.' },
    };
    const next = steadyFeed(
      shown,
      published(longFeed([item(1), retried as OutboxItemView, item(3), item(4)], 40)),
    )!;
    expect(next.waiting).not.toBe(shown.waiting);
    expect(next.waiting[0]).toBe(shown.waiting[0]);
    expect(next.waiting[1]).not.toBe(shown.waiting[1]);
    expect(next.waiting[1]!.attempts).toBe(1);
    expect(next.waiting[2]).toBe(shown.waiting[2]);
    expect(next.waiting.map((one) => one.id)).toEqual(['item_1', 'item_2', 'item_3', 'item_4']);
  });

  it('sees an edited note, a reordered page and a removed item as changes', () => {
    const shown = longFeed(page, 40);
    const edited = steadyFeed(
      shown,
      published(longFeed([item(1), item(2, 'fixed'), item(3)], 40)),
    )!;
    expect(edited.waiting[1]!.write).toMatchObject({ body: { note: 'fixed' } });
    const reordered = steadyFeed(shown, published(longFeed([item(2), item(1), item(3)], 40)))!;
    expect(reordered.waiting.map((one) => one.id)).toEqual(['item_2', 'item_1', 'item_3']);
    expect(reordered.waiting[0]).toBe(shown.waiting[1]);
    const shorter = steadyFeed(shown, published(longFeed([item(1), item(2)], 39)))!;
    expect(shorter.waiting).toHaveLength(2);
  });

  it('takes an emptied outbox, and a first feed, as they come', () => {
    const shown = longFeed(page, 40);
    expect(steadyFeed(shown, null)).toBeNull();
    const first = published(shown);
    expect(steadyFeed(null, first)).toBe(first);
  });
});

describe('followFeed', () => {
  function storedFeed(initial: OutboxFeed | null) {
    let value = initial;
    const watchers = new Set<(feed: OutboxFeed | null) => void>();
    const item: Followable<OutboxFeed | null> = {
      getValue: async () => (value ? published(value) : null),
      watch(callback) {
        watchers.add(callback);
        return () => watchers.delete(callback);
      },
    };
    const publish = (feed: OutboxFeed | null) => {
      value = feed;
      for (const watcher of watchers) watcher(feed ? published(feed) : null);
    };
    return { item, publish };
  }

  it('passes on the feed now and each change, not a publication equal to the last', async () => {
    const { item: stored, publish } = storedFeed(longFeed([item(1)], 30));
    const onFeed = vi.fn();
    const open = new AbortController();
    followFeed(stored, open.signal, onFeed);
    await vi.waitFor(() => expect(onFeed).toHaveBeenCalledTimes(1));

    publish(longFeed([item(1)], 30));
    expect(onFeed).toHaveBeenCalledTimes(1);
    publish(longFeed([item(1)], 31));
    expect(onFeed).toHaveBeenCalledTimes(2);
    expect(onFeed.mock.calls[1]![0].waiting).toBe(onFeed.mock.calls[0]![0].waiting);
    publish(null);
    expect(onFeed).toHaveBeenLastCalledWith(null);
    publish(null);
    expect(onFeed).toHaveBeenCalledTimes(3);

    open.abort();
    publish(longFeed([item(2)], 1));
    expect(onFeed).toHaveBeenCalledTimes(3);
  });
});
