import { describe, expect, it } from 'vitest';
import { OutboxError } from '@/lib/worker/outbox';
import { discardedDependencyError } from '@/lib/worker/outbox/store';
import { advanceClock, stateOf, useOutboxTestEnvironment } from './environment';
import { errors, onlyFirstCall, writes } from './fake-vivre';

const env = useOutboxTestEnvironment();

describe('edit and retry', () => {
  it('sends the corrected note under a fresh idempotency key', async () => {
    const { vivre, outbox } = env.withVivre(({ write }) =>
      write.kind === 'logActivity' && write.body.note === 'x'.repeat(20)
        ? errors.validation()
        : 'ok',
    );
    const item = await outbox.enqueue(writes.activity('cnt_8821', 'x'.repeat(20)));
    await outbox.flushOutbox();
    expect(await outbox.counts()).toMatchObject({ attention: 1 });

    await outbox.retry(item.id, { note: 'shorter' });
    await outbox.flushOutbox();

    expect(vivre.records.map((r) => r.write)).toEqual([writes.activity('cnt_8821', 'shorter')]);
    const [first, second] = vivre.calls;
    // The server keeps its refusal under the old key; a new key lets the edit through.
    expect(second?.key).not.toBe(first?.key);
    expect(await stateOf(outbox, item.id)).toBe('synced');
  });

  it('retries an attention item unchanged when the rep fixed the cause elsewhere', async () => {
    let forbidden = true;
    const { vivre, outbox } = env.withVivre(() => (forbidden ? errors.forbidden() : 'ok'));
    const item = await outbox.enqueue(writes.activity());
    await outbox.flushOutbox();
    forbidden = false;
    await outbox.retry(item.id);
    await outbox.flushOutbox();
    expect(vivre.records).toHaveLength(1);
  });

  it('lets a rep change the note of a stuck activity, and nothing else of any write', async () => {
    const { outbox } = env.withVivre(() => errors.validation());
    const create = await outbox.enqueue(writes.contact('tmp_priya', 'bad'));
    const stage = await outbox.enqueue(writes.stage('dl_1', 'won'));
    await outbox.flushOutbox();
    expect(await outbox.counts()).toMatchObject({ attention: 2 });
    // The message carries a note only (messages.ts); a create or a stage change has none.
    await expect(outbox.retry(create.id, { note: 'x' })).rejects.toThrow(/note of an activity/);
    await expect(outbox.retry(stage.id, { note: 'x' })).rejects.toThrow(/note of an activity/);
    expect((await outbox.list()).attention.map((view) => view.write)).toEqual([
      writes.contact('tmp_priya', 'bad'),
      writes.stage('dl_1', 'won'),
    ]);
  });

  it('sends a waiting item now, with its key unchanged, but refuses to edit it', async () => {
    const { vivre, outbox } = env.withVivre(onlyFirstCall(errors.dropped), { random: () => 0.99 });
    const item = await outbox.enqueue(writes.activity());
    await outbox.flushOutbox();

    // Its first attempt may have reached Vivre: an edit could create a second activity.
    await expect(outbox.retry(item.id, { note: 'edited' })).rejects.toThrow(OutboxError);
    await outbox.retry(item.id);
    await outbox.flushOutbox();
    expect(vivre.calls.map((c) => c.key)).toEqual([item.idempotencyKey, item.idempotencyKey]);
    expect(vivre.records).toHaveLength(1);
  });

  it('clears the note when the rep empties it', async () => {
    let refuse = true;
    const { vivre, outbox } = env.withVivre(() => (refuse ? errors.validation() : 'ok'));
    const item = await outbox.enqueue(writes.activity('cnt_8821', 'rude words'));
    await outbox.flushOutbox();
    refuse = false;
    await outbox.retry(item.id, { note: '' });
    await outbox.flushOutbox();
    expect(vivre.records.map((r) => r.write)).toEqual([
      { kind: 'logActivity', body: { contact_id: 'cnt_8821', type: 'call' } },
    ]);
  });
});

describe('discard', () => {
  it('removes the item for good', async () => {
    const { vivre, outbox } = env.withVivre(() => errors.validation());
    const item = await outbox.enqueue(writes.activity());
    await outbox.flushOutbox();
    await outbox.discard(item.id);
    advanceClock(3600_000);
    await outbox.flushOutbox();

    expect(await stateOf(outbox, item.id)).toBeUndefined();
    expect(await outbox.list()).toMatchObject({ waiting: [], attention: [] });
    expect(vivre.calls).toHaveLength(1);
  });

  it('moves writes that referred to a discarded create to "needs attention"', async () => {
    const { vivre, outbox } = env.withVivre(({ write }) =>
      write.kind === 'createContact' ? errors.validation() : 'ok',
    );
    const create = await outbox.enqueue(writes.contact('tmp_priya'));
    await outbox.enqueue(writes.activity('tmp_priya'));
    await outbox.flushOutbox();
    await outbox.discard(create.id);
    // A write enqueued later with the stale temporary id meets the same fate.
    await outbox.enqueue(writes.deal('tmp_deal', 'tmp_priya'));
    await outbox.flushOutbox();

    const { attention, waiting } = await outbox.list();
    expect(waiting).toEqual([]);
    expect(attention.map((v) => [v.write.kind, v.lastError])).toEqual([
      ['logActivity', discardedDependencyError],
      ['createDeal', discardedDependencyError],
    ]);
    expect(vivre.calls).toHaveLength(1);
  });

  it('cannot discard what already reached Vivre', async () => {
    const outbox = env.withVivre().outbox;
    const item = await outbox.enqueue(writes.activity());
    await outbox.flushOutbox();
    await expect(outbox.discard(item.id)).rejects.toThrow(/already reached Vivre/);
  });
});
