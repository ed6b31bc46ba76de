/**
 * The outbox is flat in its size (issue 25, part 4): enqueueing, delivering and publishing
 * each touch storage a bounded number of times, so the records read and written per write
 * are the same with 40 writes queued as with 400, and what the worker publishes after each
 * change reads as much with 1,000 queued as with 150. Counted at IndexedDB itself (each
 * record a read returns, each cursor step, each get and put).
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { OutboxCounts } from '@/lib/worker/outbox';
import { STATES_WINDOW } from '@/lib/worker/outbox/write-states';
import { useOutboxTestEnvironment } from './environment';
import { fakeVivre, writes } from './fake-vivre';

const env = useOutboxTestEnvironment();

/** Records IndexedDB hands out or takes in, from the moment `start` is called. */
function countStorage() {
  let records = 0;
  const restore: (() => void)[] = [];
  const patch = (proto: object, name: string, cost: (request: IDBRequest) => void) => {
    const target = proto as Record<string, (...args: unknown[]) => unknown>;
    const original = target[name]!;
    target[name] = function (this: unknown, ...args: unknown[]) {
      const result = original.apply(this, args);
      cost(result as IDBRequest);
      return result;
    };
    restore.push(() => (target[name] = original));
  };
  const one = () => void records++;
  const step = (request: IDBRequest) => request.addEventListener('success', one);
  const each = (request: IDBRequest) =>
    request.addEventListener('success', () => {
      records += Array.isArray(request.result) ? request.result.length : 1;
    });
  for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
    patch(proto, 'getAll', each);
    patch(proto, 'getAllKeys', each);
    patch(proto, 'get', one);
    // A cursor's request succeeds once per step.
    patch(proto, 'openCursor', step);
    patch(proto, 'openKeyCursor', step);
  }
  patch(IDBObjectStore.prototype, 'put', one);
  patch(IDBObjectStore.prototype, 'add', one);
  return {
    get records() {
      return records;
    },
    restore: () => restore.forEach((undo) => undo()),
  };
}

/** Lets real macrotasks (IndexedDB, storage) run until the publisher has settled. */
async function settle() {
  for (let turn = 0; turn < 50; turn++) await new Promise((resolve) => setImmediate(resolve));
}

/** Records touched per write: enqueue `count` writes, then deliver them (publishing is counted apart). */
async function recordsPerWrite(count: number) {
  vi.stubGlobal('indexedDB', new IDBFactory()); // each run from an empty outbox
  const vivre = fakeVivre();
  const outbox = env.open({ deliver: vivre.deliver, readBack: vivre.readBack });
  const ids: string[] = [];
  // Queued first (delivery held off by a pause), then counted: enqueue, delivery, publish.
  await outbox.pause({ kind: 'offline', message: 'held for the test' });
  const counter = countStorage();
  try {
    for (let n = 0; n < count; n++) {
      ids.push((await outbox.enqueue(writes.activity('cnt_8821', `note ${n}`))).id);
    }
    await settle();
    const enqueued = counter.records;
    await outbox.resume();
    await outbox.flushOutbox();
    await settle();
    expect(vivre.records).toHaveLength(count);
    return { enqueue: enqueued / count, all: counter.records / count, ids, outbox };
  } finally {
    counter.restore();
  }
}

/** Records one publish touches (what the worker reads after each change) with `count` queued. */
async function recordsPerPublish(count: number) {
  vi.stubGlobal('indexedDB', new IDBFactory());
  const outbox = env.open({ deliver: fakeVivre().deliver });
  await outbox.pause({ kind: 'offline', message: 'held for the test' });
  for (let n = 0; n < count; n++) await outbox.enqueue(writes.activity('cnt_8821', `note ${n}`));
  await outbox.feed(); // the first feed of a worker looks for damaged records, once
  await settle(); // the last enqueue's pass (it stops at the pause) is not this publish's
  const counter = countStorage();
  try {
    await outbox.published();
    return counter.records;
  } finally {
    counter.restore();
  }
}

describe('the outbox, flat in its size', () => {
  it('publishes by reading as many records with 1,000 queued as with 150', async () => {
    const small = await recordsPerPublish(150);
    const large = await recordsPerPublish(1_000);
    // Listing every id in each publish read 1,000 keys here, once per change.
    expect(large).toBe(small);
    expect(large).toBeLessThan(4 * STATES_WINDOW);
  }, 120_000);

  it('touches as many records per write with 400 queued as with 40: enqueue and delivery', async () => {
    const small = await recordsPerWrite(40);
    const large = await recordsPerWrite(400);
    // Each pass reads the queue once (one record per write); nothing may grow with the queue.
    expect(large.enqueue).toBeLessThan(small.enqueue * 1.25);
    expect(large.all).toBeLessThan(small.all * 1.25);
  }, 120_000);

  it('reads nothing more after an enqueue while nothing may be sent, and reports its counts', async () => {
    // Each read over `meta` begun before the rep's next enqueue makes its write wait: a pass
    // that stopped at its gate read it three times, then once; the write reads the gate itself.
    vi.stubGlobal('indexedDB', new IDBFactory());
    const reported: OutboxCounts[] = [];
    const outbox = env.open({ deliver: fakeVivre().deliver, onChange: (c) => reported.push(c) });
    await outbox.pause({ kind: 'offline', message: 'held for the test' });
    await outbox.enqueue(writes.activity('cnt_8821', 'first'));
    await settle();
    const opened: string[] = [];
    const original = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args) {
      opened.push(args[1] ?? 'readonly');
      return original.apply(this, args);
    } as typeof original;
    try {
      await outbox.enqueue(writes.activity('cnt_8821', 'second'));
      await settle();
    } finally {
      IDBDatabase.prototype.transaction = original;
    }
    expect(opened).toEqual(['readwrite']); // the item
    const counts = { waiting: 2, attention: 0, paused: true, nextWakeAt: null };
    expect(reported.at(-1)).toEqual(counts);
    expect(await outbox.counts()).toEqual(counts);
  });

  it('publishes the newest writes whatever the queue, and a discarded one as null', async () => {
    const { ids, outbox } = await recordsPerWrite(STATES_WINDOW + 50);
    const states = await outbox.states();
    // Delivered in order: the newest synced (as many as are kept) are the last enqueued.
    const published = Object.keys(states);
    expect(published.length).toBeGreaterThan(0);
    expect(published.length).toBeLessThanOrEqual(STATES_WINDOW);
    expect(published.sort()).toEqual(ids.slice(-published.length).sort());
    expect(Object.values(states).every((status) => status?.state === 'synced')).toBe(true);

    await outbox.pause({ kind: 'offline', message: 'held for the test' });
    const kept = await outbox.enqueue(writes.activity());
    const gone = await outbox.enqueue(writes.activity());
    await outbox.discard(gone.id);
    const after = await outbox.states();
    expect(after[gone.id]).toBeNull();
    expect(after[kept.id]).toMatchObject({ state: 'waiting' });
  }, 120_000);
});

describe('deliveries side by side share their disk flushes', () => {
  it('commits fewer than two strict transactions per write, and every write reaches Vivre once', async () => {
    vi.stubGlobal('indexedDB', new IDBFactory());
    const vivre = fakeVivre();
    const outbox = env.open({ deliver: vivre.deliver, parallelDeliveries: 3 });
    await outbox.pause({ kind: 'offline', message: 'held for the test' });
    for (let n = 0; n < 60; n++) await outbox.enqueue(writes.activity('cnt_8821', `note ${n}`));
    const transaction = IDBDatabase.prototype.transaction;
    let strict = 0;
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
      this: IDBDatabase,
      ...args
    ) {
      if (args[2]?.durability === 'strict') strict++;
      return transaction.apply(this, args);
    });
    try {
      await outbox.resume();
      await outbox.flushOutbox();
    } finally {
      spy.mockRestore();
    }
    // One at a time this was two per write: the mark before sending, and the outcome.
    expect(strict).toBeLessThan(60 * 2 * 0.8);
    expect(new Set(vivre.records.map((r) => JSON.stringify(r.write))).size).toBe(60);
    expect(vivre.records).toHaveLength(60);
  });
});
