/**
 * Exactly once without trusting the server (issue 12, point 4): a write whose answer was
 * lost is reconciled before it is sent again, and parked for the rep when we cannot tell.
 */
import { describe, expect, it } from 'vitest';
import { advanceClock, stateOf, useOutboxTestEnvironment } from './environment';
import { errors, fakeVivre, writes, type Behave } from './fake-vivre';

const env = useOutboxTestEnvironment();
const dropFirst: Behave = (_call, n) => (n === 1 ? 'commitThenDrop' : 'ok');

/** A Vivre that ignores Idempotency-Key (the reference read literally). */
function literalVivre(behave: Behave, lists = true) {
  const vivre = fakeVivre({ idempotent: false, lists });
  vivre.behave(behave);
  const outbox = env.open({ deliver: vivre.deliver, readBack: vivre.readBack });
  return { vivre, outbox };
}

async function drain(outbox: ReturnType<typeof env.open>) {
  for (let n = 0; n < 20 && (await outbox.counts()).waiting > 0; n++) {
    await outbox.flushOutbox();
    const wake = (await outbox.counts()).nextWakeAt;
    if (wake) advanceClock(Math.max(wake - Date.now(), 0));
  }
}

describe('a lost answer, against a server that ignores Idempotency-Key', () => {
  it('reads back an activity that was committed instead of sending it twice', async () => {
    const { vivre, outbox } = literalVivre(dropFirst);
    const item = await outbox.enqueue(writes.activity('cnt_8821', 'Priced the pilot'));
    await drain(outbox);
    expect(vivre.records).toHaveLength(1);
    expect(vivre.calls).toHaveLength(1);
    expect(await stateOf(outbox, item.id)).toBe('synced');
  });

  it('maps a contact created offline to the record it finds, and its deal follows', async () => {
    const { vivre, outbox } = literalVivre(dropFirst);
    await outbox.enqueue(writes.contact('tmp_priya'));
    await outbox.enqueue(writes.deal('tmp_deal', 'tmp_priya'));
    await drain(outbox);
    expect(vivre.records.map((r) => r.write.kind)).toEqual(['createContact', 'createDeal']);
    expect(vivre.records[1]!.write).toMatchObject({ body: { contact_id: vivre.records[0]!.id } });
  });

  it('sends again when the read-back finds nothing (the drop came before the commit)', async () => {
    const vivre = fakeVivre({ idempotent: false });
    let first = true;
    const deliver: typeof vivre.deliver = async (...args) => {
      if (first) {
        first = false;
        throw errors.dropped();
      }
      return vivre.deliver(...args);
    };
    const outbox = env.open({ deliver, readBack: vivre.readBack });
    await outbox.enqueue(writes.activity());
    await drain(outbox);
    expect(vivre.records).toHaveLength(1);
    expect(vivre.calls).toHaveLength(1); // the dropped call never reached the fake
  });

  it('parks what it cannot read back as "May already be in Vivre — check", never doubling it', async () => {
    const { vivre, outbox } = literalVivre(dropFirst, false);
    const item = await outbox.enqueue(writes.activity());
    await drain(outbox);
    expect(vivre.records).toHaveLength(1);
    const [parked] = (await outbox.list()).attention;
    expect(parked).toMatchObject({ id: item.id, parked: { reason: 'uncertain' } });
    expect(parked!.lastError!.message).toMatch(/^May already be in Vivre — check/);

    // The rep checked Vivre and says it is not there: it goes, without another read-back.
    await outbox.retry(item.id);
    await drain(outbox);
    expect(vivre.records).toHaveLength(2);
  });

  it('never takes a record another item already got for this one', async () => {
    const { vivre, outbox } = literalVivre((_call, n) => (n === 1 ? 'commitThenDrop' : 'ok'));
    // Two identical notes: the first is committed and its answer lost, the second goes through.
    const same = writes.activity('cnt_8821', 'Left a voicemail');
    await outbox.enqueue(same);
    await outbox.enqueue(same);
    await drain(outbox);
    expect(vivre.records).toHaveLength(2);
    expect((await outbox.list()).attention).toEqual([]);
  });

  it('parks an update whose answer was lost longer ago than the idempotency window', async () => {
    const vivre = fakeVivre({ idempotent: false });
    vivre.behave(() => 'commitThenDrop');
    const outbox = env.open({ deliver: vivre.deliver, readBack: vivre.readBack });
    const item = await outbox.enqueue(writes.stage('dl_4420', 'won'));
    await outbox.flushOutbox();
    vivre.behave(() => 'ok');
    advanceClock(25 * 60 * 60_000);
    await outbox.flushOutbox();
    expect(vivre.calls).toHaveLength(1);
    expect((await outbox.list()).attention[0]).toMatchObject({
      id: item.id,
      parked: { reason: 'uncertain' },
    });
  });

  it('repeats an update whose answer was lost within the window (setting a stage twice is harmless)', async () => {
    const vivre = fakeVivre({ idempotent: false });
    vivre.behave(dropFirst);
    const outbox = env.open({ deliver: vivre.deliver, readBack: vivre.readBack });
    const item = await outbox.enqueue(writes.stage('dl_4420', 'won'));
    await drain(outbox);
    expect(vivre.calls).toHaveLength(2);
    expect(await stateOf(outbox, item.id)).toBe('synced');
  });
});

describe('a 2xx without a record id', () => {
  const answeredWith = (body: { id?: string }) =>
    env.open({ deliver: async () => body, readBack: async () => ({ type: 'cannot_tell' }) });

  it('is success for an update, whatever its body', async () => {
    const outbox = answeredWith({});
    const item = await outbox.enqueue(writes.stage('dl_4420', 'won'));
    await outbox.flushOutbox();
    expect(await stateOf(outbox, item.id)).toBe('synced');
  });

  it('parks a create for checking instead of retrying it forever', async () => {
    const outbox = answeredWith({});
    const item = await outbox.enqueue(writes.activity());
    await outbox.flushOutbox();
    advanceClock(60 * 60_000);
    await outbox.flushOutbox();
    expect((await outbox.list()).attention).toEqual([
      expect.objectContaining({ id: item.id, parked: { reason: 'uncertain' }, attempts: 0 }),
    ]);
  });
});
