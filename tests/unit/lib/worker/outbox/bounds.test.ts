/**
 * Bounded and healthy under abuse (issue 12, point 5, the outbox's part): caps with a
 * sentence for the rep, damaged records set aside, Retry-After clamped, clock jumps
 * tolerated, and planning that stays linear (counted in operations, never timed).
 */
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { OUTBOX_FULL_MESSAGE } from '@/lib/worker/outbox/limits';
import { createPlanner } from '@/lib/worker/outbox/picker';
import type { OutboxItem } from '@/lib/worker/outbox';
import { parseRetryAfter } from '@/lib/worker/vivre/map-error';
import { advanceClock, stateOf, useOutboxTestEnvironment } from './environment';
import { errors, onlyFirstCall, writes } from './fake-vivre';

const env = useOutboxTestEnvironment();

describe('caps', () => {
  it('refuses a write past the item cap with a sentence the rep can act on', async () => {
    const { outbox } = env.withVivre(() => errors.offline(), { maxItems: 3 });
    for (let n = 0; n < 3; n++) await outbox.enqueue(writes.activity(`cnt_${n}`));
    await expect(outbox.enqueue(writes.activity())).rejects.toThrow(OUTBOX_FULL_MESSAGE);
    expect((await outbox.counts()).waiting).toBe(3);
  });

  it('refuses a write past the byte cap, and takes writes again once others leave', async () => {
    const { outbox } = env.withVivre(() => errors.offline(), { maxBytes: 2_000 });
    const long = (n: number) => writes.activity('cnt_8821', `${n} ${'x'.repeat(600)}`);
    const first = await outbox.enqueue(long(1));
    await outbox.enqueue(long(2));
    await expect(outbox.enqueue(long(3))).rejects.toThrow(OUTBOX_FULL_MESSAGE);
    await outbox.discard(first.id);
    await expect(outbox.enqueue(long(3))).resolves.toMatchObject({ state: 'waiting' });
  });
});

describe('a damaged record', () => {
  it('is set aside and shown, and stalls no other write', async () => {
    const { vivre, outbox } = env.withVivre();
    await outbox.counts(); // the database exists
    const db = await openDB('vivre-outbox');
    const damagedId = crypto.randomUUID();
    await db.put('items', { id: damagedId, state: 'waiting', seq: 0, write: { kind: 'nope' } });
    db.close();
    const good = await outbox.enqueue(writes.activity());
    await outbox.flushOutbox();
    expect(await stateOf(outbox, good.id)).toBe('synced');
    expect(vivre.calls).toHaveLength(1);
    expect((await outbox.list()).damaged).toEqual([
      { id: damagedId, summary: 'A queued write that can no longer be read' },
    ]);
    await outbox.discard(damagedId);
    expect((await outbox.list()).damaged).toBeUndefined();
  });
});

describe('time', () => {
  it('clamps a Retry-After of ten years to an hour', async () => {
    expect(parseRetryAfter(String(10 * 365 * 24 * 3600))).toBe(3600);
    expect(parseRetryAfter('Wed, 21 Oct 2125 07:28:00 GMT', Date.UTC(2026, 0, 1))).toBe(3600);
    const tenYears = 10 * 365 * 24 * 3600;
    const { outbox } = env.withVivre(onlyFirstCall(() => errors.rateLimited(tenYears)));
    await outbox.enqueue(writes.activity());
    await outbox.flushOutbox();
    const { nextWakeAt } = await outbox.counts();
    expect(nextWakeAt! - Date.now()).toBeLessThanOrEqual(3600_000 + 1000);
  });

  it('sends at once after the clock is set back a day, instead of waiting the day', async () => {
    const { vivre, outbox } = env.withVivre(onlyFirstCall(() => errors.server()));
    const item = await outbox.enqueue(writes.activity());
    await outbox.flushOutbox();
    advanceClock(-24 * 60 * 60_000);
    const { nextWakeAt } = await outbox.counts();
    expect(nextWakeAt).toBeLessThanOrEqual(Date.now());
    await outbox.flushOutbox();
    expect(vivre.calls).toHaveLength(2);
    expect(await stateOf(outbox, item.id)).toBe('synced');
  });
});

describe('planning', () => {
  /** Drains `count` items (every third an update of one of 50 deals) through the planner. */
  function examinedFor(count: number): number {
    const items: OutboxItem[] = Array.from({ length: count }, (_, n) => ({
      id: `item_${n}`,
      idempotencyKey: `key_${n}`,
      write: n % 3 === 0 ? writes.stage(`dl_${n % 50}`, 'won') : writes.activity(`cnt_${n % 97}`),
      seq: n + 1,
      state: 'waiting',
      attempts: 0,
      nextAttemptAt: 0,
      createdAt: 0,
      summary: '',
    }));
    const planner = createPlanner({ items, tempIds: new Map() });
    let picked = 0;
    for (let next = planner.next(1); next; next = planner.next(1)) {
      // Every tenth item fails and backs off; the rest reach Vivre.
      const failed = picked++ % 10 === 0;
      planner.settle(next.item, failed ? { ...next.item, nextAttemptAt: 10_000 } : undefined);
    }
    // One pass takes every item that is free to go; what backed off (and what it blocks) waits.
    expect(picked).toBeGreaterThan(count * 0.8);
    return planner.examined;
  }

  it('looks at each item a bounded number of times per pass, not once per pick', () => {
    const small = examinedFor(2_000);
    const large = examinedFor(16_000);
    // Linear: 8× the items costs about 8× the work (quadratic would be 64×).
    expect(large / small).toBeLessThan(10);
    expect(large).toBeLessThan(16_000 * 8);
  });
});
