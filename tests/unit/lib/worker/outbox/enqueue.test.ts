import { IDBDatabase as FakeIDBDatabase } from 'fake-indexeddb';
import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { useOutboxTestEnvironment } from './environment';
import { errors, onlyFirstCall, writes } from './fake-vivre';

const env = useOutboxTestEnvironment();

describe('enqueue', () => {
  it('has the item on disk, with its idempotency key, when it resolves', async () => {
    const { outbox } = env.withVivre(() => errors.offline());

    const item = await outbox.enqueue(writes.activity());

    // Read it back through a second connection, as a restarted worker would.
    const db = await openDB('vivre-outbox');
    const stored = await db.get('items', item.id);
    db.close();
    expect(stored).toMatchObject({
      id: item.id,
      idempotencyKey: item.idempotencyKey,
      state: 'waiting',
      write: writes.activity(),
    });
    expect(item.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('commits every outbox write with strict durability', async () => {
    const raw = vi.spyOn(FakeIDBDatabase.prototype, 'transaction');
    const { outbox } = env.withVivre();
    await outbox.enqueue(writes.activity());
    await outbox.flushOutbox();

    const itemWrites = raw.mock.calls.filter(
      ([stores, mode]) => mode === 'readwrite' && [stores].flat().includes('items'),
    );
    expect(itemWrites.length).toBeGreaterThanOrEqual(2); // enqueue + mark synced
    for (const [, , options] of itemWrites) expect(options).toEqual({ durability: 'strict' });
    raw.mockRestore();
  });

  it('hands out increasing seq numbers and delivers in that order', async () => {
    const { vivre, outbox } = env.withVivre();
    const a = await outbox.enqueue(writes.activity('cnt_1'));
    const b = await outbox.enqueue(writes.activity('cnt_2'));
    const c = await outbox.enqueue(writes.activity('cnt_3'));
    await outbox.flushOutbox();

    expect(a.seq < b.seq && b.seq < c.seq).toBe(true);
    expect(vivre.calls.map((call) => call.key)).toEqual([
      a.idempotencyKey,
      b.idempotencyKey,
      c.idempotencyKey,
    ]);
    expect(await outbox.counts()).toMatchObject({ waiting: 0, attention: 0 });
  });

  it('refuses a second create with a temporary id already in use', async () => {
    const outbox = env.withVivre().outbox;
    await outbox.enqueue(writes.contact('tmp_1'));
    await expect(outbox.enqueue(writes.contact('tmp_1', 'other@x.example'))).rejects.toThrow(
      /already in use/,
    );
    expect((await outbox.list()).waiting.length + (await outbox.list()).synced.length).toBe(1);
  });

  it('keeps the last synced items so the UI can say "Synced", newest first', async () => {
    const { outbox } = env.withVivre(undefined, { keepSynced: 3 });
    for (let n = 1; n <= 5; n++) {
      await outbox.enqueue(writes.activity(`cnt_${n}`), { summary: `Call ${n}` });
      await outbox.flushOutbox();
    }
    const { synced } = await outbox.list();
    expect(synced.map((view) => view.summary)).toEqual(['Call 5', 'Call 4', 'Call 3']);
    expect(synced.every((view) => view.state === 'synced')).toBe(true);
  });

  it('reports counts and the next wake time on every change', async () => {
    const onChange = vi.fn();
    const { outbox } = env.withVivre(() => errors.server(), { onChange, random: () => 0.5 });
    const item = await outbox.enqueue(writes.activity());
    await outbox.flushOutbox();

    expect(onChange).toHaveBeenCalledWith(expect.objectContaining({ waiting: 1, paused: false }));
    const [stored] = (await outbox.list()).waiting;
    expect(stored?.id).toBe(item.id);
    expect((await outbox.counts()).nextWakeAt).toBe(stored?.nextAttemptAt);
    expect(onChange).toHaveBeenLastCalledWith({
      waiting: 1,
      attention: 0,
      paused: false,
      nextWakeAt: stored?.nextAttemptAt,
    });
  });

  it('reports the stored counts last after a burst of enqueues while nothing may be sent', async () => {
    // Each enqueue starts a pass that stops at its first read: the counts it reports are that
    // read's, so a write committed after it must get a pass (and a report) of its own.
    const onChange = vi.fn();
    const { outbox } = env.withVivre(() => errors.offline(), { onChange });
    await outbox.pause({ kind: 'offline', message: 'held for the test' });
    await Promise.all(
      Array.from({ length: 30 }, (_, n) => outbox.enqueue(writes.activity('cnt_8821', `n${n}`))),
    );
    await outbox.flushOutbox();
    await vi.waitFor(() =>
      expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ waiting: 30 })),
    );
    expect(await outbox.counts()).toMatchObject({ waiting: 30, paused: true });
  });

  it('wakes itself when a backoff ends, without anyone calling flush', async () => {
    const { vivre, outbox } = env.withVivre(onlyFirstCall(errors.server));
    await outbox.enqueue(writes.activity());
    await outbox.flushOutbox();
    expect((await outbox.counts()).waiting).toBe(1);

    const wakeAt = (await outbox.counts()).nextWakeAt!;
    await vi.advanceTimersByTimeAsync(wakeAt - Date.now());
    await outbox.flushOutbox(); // joins the pass the timer started

    expect(vivre.calls).toHaveLength(2);
    expect((await outbox.counts()).waiting).toBe(0);
  });

  it('starts no pass for a write made while Vivre asked to wait, and sends it after', async () => {
    // That no pass starts is counted in flat-drain.test.ts; here, that the write's own wake-up
    // is set when nothing else would set one (the outbox was empty), so it still goes.
    const { vivre, outbox } = env.withVivre(onlyFirstCall(() => errors.rateLimited(60)));
    const first = await outbox.enqueue(writes.activity('cnt_1'));
    await outbox.flushOutbox();
    await outbox.discard(first.id); // nothing left waiting: no wake-up set
    await outbox.flushOutbox();
    expect(await outbox.counts()).toMatchObject({ waiting: 0, nextWakeAt: null });

    await outbox.enqueue(writes.activity('cnt_2')); // the write itself says nothing may go yet
    await vi.advanceTimersByTimeAsync(1000); // no one calls flush: the outbox wakes itself
    expect(vivre.calls).toHaveLength(1);
    const wakeAt = (await outbox.counts()).nextWakeAt!;
    expect(wakeAt).toBeGreaterThan(Date.now());

    await vi.advanceTimersByTimeAsync(wakeAt - Date.now());
    await vi.waitFor(() =>
      expect(vivre.records.map((record) => record.write)).toEqual([writes.activity('cnt_2')]),
    );
  });
});
