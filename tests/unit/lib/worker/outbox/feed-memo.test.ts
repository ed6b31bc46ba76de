/**
 * What the worker publishes (lib/worker/outbox/feed-memo.ts): after enqueues alone it reads two
 * `meta` records instead of the first pages, so the rep's next enqueue does not wait behind a
 * read over the items; and whatever the rep and the network did, what it publishes is what a
 * whole read of the outbox shows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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

  type Step =
    | { type: 'enqueue'; count: number }
    | { type: 'deliver'; answers: ('ok' | 'refused')[] }
    | { type: 'discard' | 'retry'; pick: number }
    | { type: 'publish' };
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ type: fc.constant('enqueue' as const), count: fc.integer({ min: 1, max: 12 }) }),
    fc.record({
      type: fc.constant('deliver' as const),
      answers: fc.array(fc.constantFrom('ok' as const, 'refused' as const), { maxLength: 8 }),
    }),
    fc.record({ type: fc.constantFrom('discard' as const, 'retry' as const), pick: fc.nat() }),
    fc.record({ type: fc.constant('publish' as const) }),
  );

  it('publishes what a whole read shows, whatever was enqueued, delivered, refused or discarded', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 14 }), async (steps) => {
        let answers: ('ok' | 'refused')[] = [];
        // Each delivery takes the next answer; past them Vivre fails, and the outbox backs off
        // (its passes then stop at their gate, as while the rep queues writes offline).
        const { outbox } = env.withVivre((): Behaviour => {
          const answer = answers.shift();
          if (answer === 'ok') return 'ok';
          return answer === 'refused' ? errors.validation() : errors.server();
        });
        const ids: string[] = [];
        for (const one of steps) {
          if (one.type === 'enqueue') {
            for (let n = 0; n < one.count; n++)
              ids.push((await outbox.enqueue(writes.activity())).id);
          } else if (one.type === 'deliver') {
            answers = [...one.answers];
            advanceClock(60 * 60_000); // past any backoff
            await outbox.flushOutbox();
          } else if (one.type === 'discard' && ids.length > 0) {
            await outbox.discard(ids[one.pick % ids.length]!).catch(() => undefined);
          } else if (one.type === 'retry' && ids.length > 0) {
            await outbox.retry(ids[one.pick % ids.length]!).catch(() => undefined);
          }
          await settle(outbox);
          if (one.type === 'publish' || one.type === 'enqueue') {
            expect(await outbox.published()).toEqual(await wholeRead(outbox));
          }
        }
        await settle(outbox);
        expect(await outbox.published()).toEqual(await wholeRead(outbox));
        await outbox.close();
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
