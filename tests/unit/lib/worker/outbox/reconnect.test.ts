/**
 * The network back after a long stretch offline (issue 25, part 4): whatever backoff built
 * up, the outbox looks again within OFFLINE_PROBE_MS, and an online event or an answer from
 * Vivre (`networkBack`) lifts the hold at once. Holds the server asked for are not lifted.
 */
import { describe, expect, it } from 'vitest';
import { OFFLINE_PROBE_MS } from '@/lib/worker/outbox/limits';
import { advanceClock, useOutboxTestEnvironment } from './environment';
import { errors, onlyFirstCall, writes } from './fake-vivre';

const env = useOutboxTestEnvironment();

describe('back online', () => {
  it('never holds an offline outbox longer than the probe interval, however many tries failed', async () => {
    let online = false;
    const { vivre, outbox } = env.withVivre(() => (online ? 'ok' : errors.offline()), {
      random: () => 0.999,
    });
    await outbox.enqueue(writes.activity('cnt_1'));
    await outbox.enqueue(writes.activity('cnt_2'));
    for (let tries = 0; tries < 12; tries++) {
      await outbox.flushOutbox();
      const wait = (await outbox.counts()).nextWakeAt! - Date.now();
      expect(wait).toBeLessThanOrEqual(OFFLINE_PROBE_MS);
      advanceClock(wait);
    }
    expect(vivre.calls).toHaveLength(12);
    online = true;
    await outbox.flushOutbox();
    expect(vivre.records).toHaveLength(2);
  });

  it('sends at once when the network comes back, without waiting out the hold', async () => {
    let online = false;
    const { vivre, outbox } = env.withVivre(() => (online ? 'ok' : errors.offline()), {
      random: () => 0.999,
    });
    for (let n = 1; n <= 3; n++) await outbox.enqueue(writes.activity(`cnt_${n}`));
    await outbox.flushOutbox();
    expect(vivre.calls).toHaveLength(1);
    online = true;
    await outbox.flushOutbox(); // still held: nothing sent
    expect(vivre.calls).toHaveLength(1);

    await outbox.networkBack();
    await outbox.flushOutbox();
    // The one that found the network down too, first: offline said nothing about it.
    expect(vivre.records.map((r) => r.write.body)).toMatchObject([
      { contact_id: 'cnt_1' },
      { contact_id: 'cnt_2' },
      { contact_id: 'cnt_3' },
    ]);
  });

  it('keeps a hold Vivre asked for (429 Retry-After) when the network comes back', async () => {
    const { vivre, outbox } = env.withVivre(onlyFirstCall(() => errors.rateLimited(120)));
    await outbox.enqueue(writes.activity('cnt_1'));
    await outbox.enqueue(writes.activity('cnt_2'));
    await outbox.flushOutbox();
    await outbox.networkBack();
    await outbox.flushOutbox();
    expect(vivre.calls).toHaveLength(1);
  });
});
