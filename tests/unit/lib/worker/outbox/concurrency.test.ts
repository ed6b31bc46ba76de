import { describe, expect, it, vi } from 'vitest';
import type { Outbox } from '@/lib/worker/outbox';
import { advanceClock, stateOf, useOutboxTestEnvironment } from './environment';
import { errors, fakeVivre, onlyFirstCall, writes } from './fake-vivre';

const env = useOutboxTestEnvironment();

/** Lets real macrotasks (IndexedDB work) run until `condition` holds. */
async function until(condition: () => boolean) {
  for (let turn = 0; turn < 1000 && !condition(); turn++) {
    await new Promise((resolve) => setImmediate(resolve));
  }
  expect(condition()).toBe(true);
}

/** A minimal LockManager: exclusive, first come first served, like the browser's. */
function fakeLocks() {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    request(_name: string, callback: (lock: null) => Promise<unknown>) {
      const run = tail.then(() => callback(null));
      tail = run.catch(() => undefined);
      return run;
    },
  } as unknown as Pick<LockManager, 'request'>;
}

describe('one flusher at a time', () => {
  it('coalesces concurrent flush calls in one context', async () => {
    const { vivre, outbox } = env.withVivre();
    for (let n = 1; n <= 5; n++) await outbox.enqueue(writes.activity(`cnt_${n}`));
    await Promise.all(Array.from({ length: 10 }, () => outbox.flushOutbox()));

    expect(vivre.maxInFlight).toBe(1);
    expect(vivre.calls).toHaveLength(5);
  });

  it('never runs two flushers across contexts sharing the database (IndexedDB lease)', async () => {
    const { vivre, outbox: first } = env.withVivre();
    const second = env.open({ deliver: vivre.deliver });
    for (let n = 1; n <= 6; n++) {
      await (n % 2 ? first : second).enqueue(writes.activity(`cnt_${n}`));
    }
    await Promise.all([first.flushOutbox(), second.flushOutbox(), first.flushOutbox()]);
    await vi.advanceTimersByTimeAsync(1000); // the context that found the lease taken looks again
    await Promise.all([first.flushOutbox(), second.flushOutbox()]);

    expect(vivre.maxInFlight).toBe(1);
    expect(vivre.calls).toHaveLength(6);
    expect(vivre.records).toHaveLength(6);
  });

  it('picks up an item enqueued elsewhere while the lease was taken', async () => {
    const vivre = fakeVivre();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let holding = false;
    const holder = env.open({
      deliver: async (...args) => {
        holding = true;
        await gate;
        return vivre.deliver(...args);
      },
    });
    const other = env.open({ deliver: vivre.deliver });
    await holder.enqueue(writes.activity('cnt_1'));
    const holderDone = holder.flushOutbox();
    await until(() => holding);
    await other.enqueue(writes.activity('cnt_2'));
    await other.flushOutbox();
    expect(vivre.calls).toHaveLength(0);

    release();
    await holderDone;
    await vi.advanceTimersByTimeAsync(1000);
    await other.flushOutbox();
    expect(vivre.records.map((r) => r.write)).toEqual([
      writes.activity('cnt_1'),
      writes.activity('cnt_2'),
    ]);
  });

  it('queues behind a Web Lock holder instead of dropping the request', async () => {
    const vivre = fakeVivre();
    const locks = fakeLocks();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let holding = false;
    const holder = env.open({
      locks,
      deliver: async (...args) => {
        holding = true;
        await gate;
        return vivre.deliver(...args);
      },
    });
    const other = env.open({ locks, deliver: vivre.deliver });
    await holder.enqueue(writes.activity('cnt_1'));
    const holderDone = holder.flushOutbox();
    await until(() => holding);
    await other.enqueue(writes.activity('cnt_2'));
    const queued = other.flushOutbox();

    release();
    await Promise.all([holderDone, queued]); // no timer needed: the queued pass runs after
    expect(vivre.maxInFlight).toBe(1);
    expect(vivre.records).toHaveLength(2);
  });
});

describe('changes made while a pass runs', () => {
  it('picks up an item enqueued mid-pass without waiting for a timer', async () => {
    const vivre = fakeVivre();
    const outbox: Outbox = env.open({
      deliver: async (write, key, signal) => {
        if (vivre.calls.length === 0) {
          await outbox.enqueue(writes.contact('tmp_late'));
          await outbox.enqueue(writes.activity('tmp_late'));
        }
        return vivre.deliver(write, key, signal);
      },
    });
    await outbox.enqueue(writes.activity('cnt_first'));
    await outbox.flushOutbox();
    expect(vivre.calls.map((c) => c.write)).toEqual([
      writes.activity('cnt_first'),
      writes.contact('tmp_late'),
      writes.activity('cnt_2'),
    ]);
  });

  it('stops sending as soon as the worker pauses the outbox', async () => {
    const vivre = fakeVivre();
    const outbox: Outbox = env.open({
      deliver: async (write, key, signal) => {
        if (vivre.calls.length === 0) {
          await outbox.pause({ kind: 'unauthorized', message: 'Reconnect to Vivre.' });
        }
        return vivre.deliver(write, key, signal);
      },
    });
    for (let n = 1; n <= 3; n++) await outbox.enqueue(writes.activity(`cnt_${n}`));
    await outbox.flushOutbox();
    expect(vivre.calls).toHaveLength(1);
    expect(await outbox.counts()).toMatchObject({ waiting: 2, paused: true });
  });
});

describe('a worker killed mid-flush', () => {
  it('delivers exactly once after Vivre committed but the worker died before recording it', async () => {
    const { vivre, outbox: killed } = env.withVivre(onlyFirstCall(() => 'commitThenHang'));
    const item = await killed.enqueue(writes.activity());
    void killed.flushOutbox();
    await until(() => vivre.records.length === 1);
    // `killed` never hears back and never runs again; its lease stays on disk.

    const restarted = env.open({ deliver: vivre.deliver, readBack: vivre.readBack });
    await restarted.flushOutbox();
    expect(vivre.calls).toHaveLength(1); // the dead worker's lease has not run out yet

    advanceClock(60_001);
    await restarted.flushOutbox();
    // Marked uncertain before it was sent, so the restart reads it back instead of resending.
    expect(vivre.calls.map((c) => c.key)).toEqual([item.idempotencyKey]);
    expect(vivre.records).toHaveLength(1);
    expect(await stateOf(restarted, item.id)).toBe('synced');
  });

  it('delivers exactly once when stopped mid-request, even without a lease to wait out', async () => {
    const { vivre, outbox: stopped } = env.withVivre(onlyFirstCall(() => 'commitThenHang'));
    const item = await stopped.enqueue(writes.activity());
    void stopped.flushOutbox();
    await until(() => vivre.records.length === 1);
    await stopped.close(); // aborts the request; nothing about it is recorded

    const restarted = env.open({ deliver: vivre.deliver, readBack: vivre.readBack });
    expect(await stateOf(restarted, item.id)).toBe('waiting');
    await restarted.flushOutbox();
    expect(vivre.calls.map((c) => c.key)).toEqual([item.idempotencyKey]);
    expect(vivre.records).toHaveLength(1);
    expect(await stateOf(restarted, item.id)).toBe('synced');
  });

  it('replays with the same key when the connection drops after the commit', async () => {
    const { vivre, outbox } = env.withVivre((_call, n) => (n <= 3 ? 'commitThenDrop' : 'ok'));
    await outbox.enqueue(writes.contact('tmp_priya'));
    await outbox.enqueue(writes.activity('tmp_priya'));
    while ((await outbox.counts()).waiting > 0) {
      await outbox.flushOutbox();
      const wake = (await outbox.counts()).nextWakeAt;
      if (wake) advanceClock(wake - Date.now());
    }
    expect(vivre.records.map((r) => r.write.kind)).toEqual(['createContact', 'logActivity']);
    expect(vivre.calls.at(-1)?.write).toEqual(writes.activity(vivre.records[0]!.id));
  });

  it('keeps a paused or failing outbox on disk across restarts', async () => {
    const { vivre, outbox: first } = env.withVivre(() => errors.server());
    await first.enqueue(writes.activity());
    await first.flushOutbox();
    await first.close();
    const second = env.open({ deliver: vivre.deliver });
    const [item] = (await second.list()).waiting;
    expect(item).toMatchObject({ attempts: 1, lastError: { kind: 'server' } });
  });
});

describe('deliveries side by side (parallelDeliveries)', () => {
  const held = { kind: 'offline' as const, message: 'held while the test queues' };
  const same = (a: unknown) => (b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  /** A Vivre whose answers take a while (as a real round trip does beside a disk commit). */
  function slowVivre() {
    const vivre = fakeVivre();
    let inFlight = 0;
    let most = 0;
    const deliver: typeof vivre.deliver = async (...args) => {
      most = Math.max(most, ++inFlight);
      try {
        for (let turn = 0; turn < 30; turn++) await new Promise((r) => setImmediate(r));
        return await vivre.deliver(...args);
      } finally {
        inFlight--;
      }
    };
    return { vivre, deliver, maxInFlight: () => most };
  }

  it('sends up to that many writes at once, each exactly once', async () => {
    const { vivre, deliver, maxInFlight } = slowVivre();
    const outbox = env.open({ deliver, parallelDeliveries: 3 });
    await outbox.pause(held);
    for (let n = 1; n <= 12; n++) await outbox.enqueue(writes.activity('cnt_8821', `note ${n}`));
    await outbox.resume();
    await outbox.flushOutbox();

    expect(maxInFlight()).toBe(3);
    expect(vivre.calls).toHaveLength(12);
    expect(new Set(vivre.calls.map((call) => call.key)).size).toBe(12);
    expect(await outbox.counts()).toMatchObject({ waiting: 0, attention: 0 });
  });

  it('holds back a write that needs, or changes the same record as, one in flight, within the same pass', async () => {
    const { vivre, deliver, maxInFlight } = slowVivre();
    const outbox = env.open({ deliver, parallelDeliveries: 3 });
    await outbox.pause(held);
    await outbox.enqueue(writes.contact('tmp_priya'));
    await outbox.enqueue(writes.deal('tmp_deal', 'tmp_priya'));
    await outbox.enqueue(writes.stage('dl_9', 'proposal'));
    await outbox.enqueue(writes.stage('dl_9', 'won'));
    await outbox.enqueue(writes.activity('cnt_8821', 'independent'));
    await outbox.resume();
    await outbox.flushOutbox(); // one pass: nothing waits for a timer

    const sent = vivre.calls.map((call) => call.write);
    const at = (write: unknown) => sent.findIndex(same(write));
    expect(sent).toHaveLength(5);
    // Each dependant went after what it needed, with the real id; stage changes in order.
    expect(at(writes.deal('tmp_deal', 'cnt_1'))).toBeGreaterThan(at(writes.contact('tmp_priya')));
    expect(at(writes.stage('dl_9', 'won'))).toBeGreaterThan(at(writes.stage('dl_9', 'proposal')));
    expect(maxInFlight()).toBeGreaterThan(1);
  });

  it('reconciles an uncertain write alone, with nothing else in flight', async () => {
    const vivre = fakeVivre();
    const tries = new Map<string, number>();
    vivre.behave(({ write }) => {
      const note = write.kind === 'logActivity' ? (write.body.note ?? '') : '';
      const n = (tries.get(note) ?? 0) + 1;
      tries.set(note, n);
      if (n > 1) return 'ok';
      return note === 'lost answer' ? 'commitThenDrop' : errors.server();
    });
    let inFlight = 0;
    const seenAtReadBack: number[] = [];
    const outbox = env.open({
      deliver: async (...args) => {
        inFlight++;
        try {
          return await vivre.deliver(...args);
        } finally {
          inFlight--;
        }
      },
      readBack: async (...args) => {
        seenAtReadBack.push(inFlight);
        return vivre.readBack(...args);
      },
      parallelDeliveries: 3,
    });
    await outbox.pause(held);
    for (let n = 1; n <= 3; n++) await outbox.enqueue(writes.activity('cnt_8821', `note ${n}`));
    await outbox.enqueue(writes.activity('cnt_8821', 'lost answer'));
    await outbox.resume();
    await outbox.flushOutbox(); // all four fail once; the last one after Vivre committed it
    advanceClock(60_000);
    await outbox.flushOutbox();

    expect(seenAtReadBack).toEqual([0]);
    const notes = vivre.records.map((r) =>
      r.write.kind === 'logActivity' ? r.write.body.note : '',
    );
    expect(notes.filter((note) => note === 'lost answer')).toHaveLength(1);
    expect(notes).toHaveLength(4);
    expect(await outbox.counts()).toMatchObject({ waiting: 0, attention: 0 });
  });
});
