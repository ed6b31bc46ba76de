/**
 * What the worker publishes (lib/worker/outbox/feed-memo.ts): after enqueues alone it reads two
 * `meta` records instead of the first pages, so the rep's next enqueue does not wait behind a
 * read over the items; and whatever the rep and the network did, what it publishes is what a
 * whole read of the outbox shows.
 */
import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import type { Outbox } from '@/lib/worker/outbox';
import { FEED_PAGE } from '@/lib/worker/outbox/pages';
import { advanceClock, useOutboxTestEnvironment } from './environment';
import { errors, writes, type Behaviour } from './fake-vivre';

const env = useOutboxTestEnvironment();
const held = { kind: 'offline', message: 'held for the test' } as const;

/** Lets real macrotasks (IndexedDB) run until the outbox's passes have settled. */
async function settle(outbox: Outbox) {
  for (let turn = 0; turn < 30; turn++) await new Promise((resolve) => setImmediate(resolve));
  await outbox.flushOutbox(); // the pass under way, if any (else one that stops at its gate)
}

/** The stores of each transaction opened while `run` runs. */
async function transactionsDuring(run: () => Promise<unknown>): Promise<string[][]> {
  const opened: string[][] = [];
  const original = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args) {
    opened.push([...(typeof args[0] === 'string' ? [args[0]] : args[0])].sort());
    return original.apply(this, args);
  } as typeof original;
  try {
    await run();
  } finally {
    IDBDatabase.prototype.transaction = original;
  }
  return opened;
}

/** What a whole read of the outbox shows, as the publish shapes it. */
async function wholeRead(outbox: Outbox) {
  const [feed, states] = await Promise.all([outbox.feed(), outbox.states()]);
  return { feed, states };
}

describe('what the worker publishes', () => {
  it('reads only meta after enqueues alone, and publishes what a whole read shows', async () => {
    const outbox = env.open({ deliver: async () => ({ id: 'act_1' }) });
    await outbox.pause(held);
    for (let n = 0; n <= FEED_PAGE; n++) await outbox.enqueue(writes.activity('cnt_8821', `${n}`));
    await outbox.published(); // a whole read
    for (let n = 0; n < 5; n++) await outbox.enqueue(writes.activity('cnt_8821', `late ${n}`));
    await settle(outbox);

    let published: Awaited<ReturnType<Outbox['published']>> | undefined;
    const opened = await transactionsDuring(async () => (published = await outbox.published()));
    expect(opened).toEqual([['meta']]);
    expect(published).toEqual(await wholeRead(outbox));
    expect(published!.feed.counts.waiting).toBe(FEED_PAGE + 6);
  });

  it('publishes the writes of a read that failed with the next one', async () => {
    const outbox = env.open({ deliver: async () => ({ id: 'act_1' }) });
    await outbox.pause(held);
    for (let n = 0; n <= FEED_PAGE; n++) await outbox.enqueue(writes.activity('cnt_8821', `${n}`));
    await outbox.published();
    const late = await outbox.enqueue(writes.activity('cnt_8821', 'late'));
    await settle(outbox);

    const original = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function () {
      throw new DOMException('The database connection is closing.', 'InvalidStateError');
    };
    try {
      await expect(outbox.published()).rejects.toThrow('closing');
    } finally {
      IDBDatabase.prototype.transaction = original;
    }
    const published = await outbox.published(); // the feed tries again
    expect(published.states[late.id]).toMatchObject({ state: 'waiting' });
    expect(published).toEqual(await wholeRead(outbox));
  });

  it('reads whole while the first page of waiting writes is not full', async () => {
    const outbox = env.open({ deliver: async () => ({ id: 'act_1' }) });
    await outbox.pause(held);
    await outbox.enqueue(writes.activity());
    await outbox.published();
    await outbox.enqueue(writes.activity('cnt_8821', 'second'));
    await settle(outbox);
    const published = await outbox.published();
    expect(published.feed.waiting).toHaveLength(2);
    expect(published).toEqual(await wholeRead(outbox));
  });

  type Answer = 'ok' | 'refused' | 'server';
  type Step =
    | { type: 'enqueue'; count: number }
    | { type: 'deliver'; answers: Answer[] }
    | { type: 'discard' | 'retry'; pick: number }
    | { type: 'pause' | 'resume' | 'publish' };
  const step: fc.Arbitrary<Step> = fc.oneof(
    {
      arbitrary: fc.record({
        type: fc.constant('enqueue' as const),
        count: fc.integer({ min: 1, max: 12 }),
      }),
      weight: 3,
    },
    fc.record({
      type: fc.constant('deliver' as const),
      answers: fc.array(fc.constantFrom<Answer>('ok', 'refused', 'server'), { maxLength: 8 }),
    }),
    fc.record({ type: fc.constantFrom('discard' as const, 'retry' as const), pick: fc.nat() }),
    fc.record({ type: fc.constantFrom('pause' as const, 'resume' as const, 'publish' as const) }),
  );

  it('publishes what a whole read shows, whatever was enqueued, delivered, refused or discarded', async () => {
    let shortcuts = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 16 }), async (steps) => {
        vi.stubGlobal('indexedDB', new IDBFactory()); // each run from an empty outbox
        let answers: Answer[] = [];
        // Each delivery takes the next answer; past them Vivre asks to wait a minute, which
        // holds the whole outbox (its passes then stop at their gate, as while offline).
        const { outbox } = env.withVivre((): Behaviour => {
          const answer = answers.shift();
          if (answer === 'ok') return 'ok';
          if (answer === 'refused') return errors.validation();
          return answer === 'server' ? errors.server() : errors.rateLimited(60);
        });
        const ids: string[] = [];
        const check = async () => {
          let published: Awaited<ReturnType<Outbox['published']>> | undefined;
          const opened = await transactionsDuring(
            async () => (published = await outbox.published()),
          );
          if (opened.length === 1 && opened[0]!.join() === 'meta') shortcuts++;
          expect(published).toEqual(await wholeRead(outbox));
        };
        for (const one of steps) {
          if (one.type === 'enqueue') {
            for (let n = 0; n < one.count; n++)
              ids.push((await outbox.enqueue(writes.activity())).id);
          } else if (one.type === 'deliver') {
            answers = [...one.answers];
            advanceClock(60 * 60_000); // past any hold
            await outbox.flushOutbox();
          } else if (one.type === 'pause') {
            await outbox.pause(held);
          } else if (one.type === 'resume') {
            await outbox.resume();
          } else if (one.type === 'discard' && ids.length > 0) {
            await outbox.discard(ids[one.pick % ids.length]!).catch(() => undefined);
          } else if (one.type === 'retry' && ids.length > 0) {
            await outbox.retry(ids[one.pick % ids.length]!).catch(() => undefined);
          }
          await settle(outbox);
          if (one.type === 'publish' || one.type === 'enqueue') await check();
        }
        await settle(outbox);
        await check();
        await outbox.close();
      }),
      { numRuns: 60 },
    );
    // The shortcut was taken, not only whole reads compared with whole reads.
    expect(shortcuts).toBeGreaterThan(10);
  }, 120_000);
});
