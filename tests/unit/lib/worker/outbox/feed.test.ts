/**
 * The outbox's publication for extension pages (lib/worker/outbox/feed.ts): a publish that
 * fails is reported and tried again until the pages have the outbox, never swallowed; a burst
 * of changes is published at once and then at most once per FEED_GATHER_MS, the last change included.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { outboxFeedItem, writeStatesItem } from '@/lib/shared/storage/items';
import { createOutboxFeed } from '@/lib/worker/outbox/feed';
import { FEED_GATHER_MS } from '@/lib/worker/outbox/limits';
import { EMPTY_OUTBOX, feedOf } from '../../../../factories';

describe('the outbox feed', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
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
    const publisher = createOutboxFeed({ published: async () => ({ feed, states }) }, { onError });

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

  it('stops publishing, and trying again, once its outbox is closed', async () => {
    const onError = vi.fn();
    const closing = new AbortController();
    let failNext = true;
    const read = vi.fn(async () => {
      if (failNext) throw new Error('storage full');
      return { feed: feedOf(EMPTY_OUTBOX), states: {} };
    });
    const publisher = createOutboxFeed({ published: read, closed: closing.signal }, { onError });

    await publisher.changed();
    expect(onError).toHaveBeenCalledTimes(1); // a real failure is reported, and a retry set
    closing.abort();
    failNext = false;
    await vi.advanceTimersByTimeAsync(120_000);
    expect(read).toHaveBeenCalledTimes(1); // the retry went with the outbox
    await publisher.changed();
    expect(read).toHaveBeenCalledTimes(1);
    expect(await outboxFeedItem.getValue()).toBeNull();
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('does not report the failed read of an outbox closed under it', async () => {
    const onError = vi.fn();
    const closing = new AbortController();
    const read = vi.fn(async () => {
      closing.abort(); // the outbox closes its database while the read runs
      throw new DOMException('The database connection is closing.', 'InvalidStateError');
    });
    const publisher = createOutboxFeed({ published: read, closed: closing.signal }, { onError });

    await publisher.changed();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(onError).not.toHaveBeenCalled();
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('keeps to its backoff when a change comes in while a publish fails', async () => {
    const onError = vi.fn();
    vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValueOnce(new Error('quota'));
    // Each read takes 10 ms, so a change can come in while one runs.
    const read = vi.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      return { feed: feedOf(EMPTY_OUTBOX), states: {} };
    });
    const publisher = createOutboxFeed({ published: read }, { onError });

    void publisher.changed();
    await vi.advanceTimersByTimeAsync(5);
    void publisher.changed(); // a drain delivering meanwhile
    await vi.advanceTimersByTimeAsync(500);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(read).toHaveBeenCalledTimes(1); // not again at once: the retry is a second away
    await vi.advanceTimersByTimeAsync(600);
    expect(read).toHaveBeenCalledTimes(2);
    expect(await outboxFeedItem.getValue()).toEqual(feedOf(EMPTY_OUTBOX));
  });

  it('publishes a change after a quiet spell at once, then gathers a burst of changes', async () => {
    let writes = 0;
    const read = vi.fn(async () => ({
      feed: { ...feedOf(EMPTY_OUTBOX), counts: { waiting: writes, attention: 0 } },
      states: {},
    }));
    const publisher = createOutboxFeed({ published: read });

    await publisher.changed(); // after a quiet spell: at once
    expect(read).toHaveBeenCalledTimes(1);

    // A page enqueueing write after write, each once the last publish is done.
    const published: Promise<void>[] = [];
    for (writes = 1; writes <= 10; writes++) {
      published.push(publisher.changed());
      await vi.advanceTimersByTimeAsync(5);
    }
    writes = 10;
    expect(read).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(FEED_GATHER_MS);
    await Promise.all(published);
    expect(read).toHaveBeenCalledTimes(2); // ten changes, one publish, with the last of them
    expect((await outboxFeedItem.getValue())?.counts.waiting).toBe(10);

    await vi.advanceTimersByTimeAsync(FEED_GATHER_MS * 2);
    await publisher.changed(); // quiet again: at once
    expect(read).toHaveBeenCalledTimes(3);
  });
});
