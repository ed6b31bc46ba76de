/**
 * The outbox's publication for extension pages (lib/worker/outbox/feed.ts): a publish that
 * fails is reported and tried again until the pages have the outbox, never swallowed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { outboxFeedItem, writeStatesItem } from '@/lib/shared/storage/items';
import { createOutboxFeed } from '@/lib/worker/outbox/feed';
import { EMPTY_OUTBOX, feedOf } from '../../../../factories';

describe('the outbox feed', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('reports a publish that fails and publishes again until it succeeds', async () => {
    const feed = feedOf(EMPTY_OUTBOX);
    const states = { item_1: { state: 'waiting' as const } };
    const onError = vi.fn();
    const set = vi.spyOn(fakeBrowser.storage.session, 'set');
    set.mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    set.mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    const publisher = createOutboxFeed(
      { feed: async () => feed, states: async () => states },
      { onError },
    );

    await publisher.changed();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(await outboxFeedItem.getValue()).toBeNull();

    await vi.advanceTimersByTimeAsync(1000); // the first retry fails too
    expect(onError).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(2000); // the next one, twice as late, succeeds
    expect(onError).toHaveBeenCalledTimes(2);
    expect(await outboxFeedItem.getValue()).toEqual(feed);
    expect(await writeStatesItem.getValue()).toEqual(states);
  });
});
