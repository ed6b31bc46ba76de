/**
 * The outbox at its own caps (issue 25, part 4): 5,000 writes and 10 MB queued offline, the
 * feed the worker publishes stays bounded, every item is reachable through paging, and after
 * the network comes back each write reaches Vivre exactly once. Counts and bounds, not times
 * (docs/BENCHMARKS.md has the times).
 */
import { describe, expect, it } from 'vitest';
import { MAX_BYTES, MAX_ITEMS, OUTBOX_FULL_MESSAGE } from '@/lib/worker/outbox/limits';
import { FEED_BOUND_BYTES, FEED_PAGE } from '@/lib/worker/outbox/pages';
import { STATES_WINDOW } from '@/lib/worker/outbox/write-states';
import type { OutboxItemView } from '@/lib/shared/messaging/protocol';
import { useOutboxTestEnvironment } from './environment';
import { errors, writes } from './fake-vivre';

const env = useOutboxTestEnvironment();

/** A note that makes each queued item weigh `MAX_BYTES / MAX_ITEMS`, so both caps meet. */
function noteFor(n: number, padding: number) {
  return `#${String(n).padStart(4, '0')} ${'x'.repeat(padding)}`;
}

describe('the outbox at its caps', () => {
  it('holds 5,000 writes and 10 MB, publishes a bounded feed, pages every item, and delivers each once after reconnecting', async () => {
    let online = false;
    const { vivre, outbox } = env.withVivre(() => (online ? 'ok' : errors.offline()));
    const probe = await outbox.enqueue(writes.activity('cnt_8821', noteFor(0, 0)));
    await outbox.discard(probe.id);
    // Less a few bytes: later items' seq and note numbers have more digits than the probe's.
    const padding = Math.floor(MAX_BYTES / MAX_ITEMS) - probe.size! - 8;

    const ids: string[] = [];
    let bytes = 0;
    for (let n = 1; n <= MAX_ITEMS; n++) {
      const item = await outbox.enqueue(writes.activity('cnt_8821', noteFor(n, padding)));
      ids.push(item.id);
      bytes += item.size!;
    }
    expect(bytes).toBeGreaterThan(MAX_BYTES * 0.99);
    expect(bytes).toBeLessThanOrEqual(MAX_BYTES);
    await expect(outbox.enqueue(writes.activity())).rejects.toThrow(OUTBOX_FULL_MESSAGE);

    // The feed: the kept counts agree with a whole read, and its size does not grow with the queue.
    const feed = await outbox.feed();
    expect(feed.counts).toEqual({ waiting: MAX_ITEMS, attention: 0 });
    expect(await outbox.counts()).toMatchObject({ waiting: MAX_ITEMS, attention: 0 });
    expect(feed.waiting.map((item) => item.id)).toEqual(ids.slice(0, FEED_PAGE));
    expect(JSON.stringify(feed).length).toBeLessThan(FEED_BOUND_BYTES);
    expect(JSON.stringify(feed).length).toBeLessThan(
      (FEED_PAGE + 1) * Math.ceil(MAX_BYTES / MAX_ITEMS),
    );
    // The write states are a window of the newest writes, whatever the queue's length.
    const states = await outbox.states();
    expect(states[probe.id]).toBeNull(); // discarded
    const waiting = Object.keys(states).filter((id) => states[id] !== null);
    expect(waiting.sort()).toEqual(ids.slice(-STATES_WINDOW).sort());

    // Every item is reachable through paging, in order, once.
    const paged: OutboxItemView[] = [...feed.waiting];
    let after = feed.more.waiting;
    while (after !== null) {
      const page = await outbox.page('waiting', after, 100);
      expect(page.items.length).toBeLessThanOrEqual(100);
      paged.push(...page.items);
      after = page.next;
    }
    expect(paged.map((item) => item.id)).toEqual(ids);

    // The network comes back: each write reaches Vivre once.
    online = true;
    await outbox.networkBack();
    await outbox.flushOutbox();
    // Every one, the write that found the network down included: no wait of its own.
    expect(await outbox.counts()).toMatchObject({ waiting: 0, attention: 0 });
    const notes = vivre.records.map((record) =>
      record.write.kind === 'logActivity' ? record.write.body.note : '',
    );
    expect(notes).toHaveLength(MAX_ITEMS);
    expect(new Set(notes).size).toBe(MAX_ITEMS);
    expect((await outbox.feed()).counts).toEqual({ waiting: 0, attention: 0 });
  }, 600_000);
});
