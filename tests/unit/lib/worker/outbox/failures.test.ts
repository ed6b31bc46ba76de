import { describe, expect, it } from 'vitest';
import { backoffDelay } from '@/lib/worker/outbox/failure-policy';
import { advanceClock, useOutboxTestEnvironment } from './environment';
import { errors, fakeVivre, onlyFirstCall, writes } from './fake-vivre';

const env = useOutboxTestEnvironment();

/** Flushes 1 ms before `wakeAt`, when the one call so far must stay the only one, then at it. */
async function flushBeforeAndAt(
  { vivre, outbox }: ReturnType<typeof env.withVivre>,
  wakeAt: number,
) {
  advanceClock(wakeAt - Date.now() - 1);
  await outbox.flushOutbox();
  expect(vivre.calls).toHaveLength(1);
  advanceClock(1);
  await outbox.flushOutbox();
}

describe('backoff', () => {
  const config = { baseDelayMs: 1000, maxDelayMs: 300_000 };

  it('draws uniformly under a ceiling that doubles per attempt and stops at the cap', () => {
    const at = (attempts: number, r: number) =>
      backoffDelay(attempts, { ...config, random: () => r });
    expect([1, 2, 3, 4].map((n) => at(n, 0.999_999))).toEqual([999, 1999, 3999, 7999]);
    expect(at(9, 0.999_999)).toBe(255_999);
    expect(at(10, 0.999_999)).toBe(299_999);
    expect(at(500, 0.999_999)).toBe(299_999);
    expect(at(3, 0)).toBe(0);
    expect(at(3, 0.5)).toBe(2000);
  });
});

describe('transient failures', () => {
  it('reuses the idempotency key on every attempt and never gives up on an old item', async () => {
    const { vivre, outbox } = env.withVivre((_call, n) => (n <= 40 ? errors.server() : 'ok'), {
      random: () => 0.999,
    });
    const item = await outbox.enqueue(writes.activity());

    for (let attempt = 1; attempt <= 41; attempt++) {
      await outbox.flushOutbox();
      const [waiting] = (await outbox.list()).waiting;
      if (!waiting) break;
      // Each wait stays under the jitter ceiling for its attempt, and under the 5 minute cap.
      const wait = waiting.nextAttemptAt! - Date.now();
      expect(wait).toBeLessThanOrEqual(Math.min(300_000, 1000 * 2 ** (attempt - 1)));
      expect(waiting.lastError?.kind).toBe('server');
      advanceClock(wait);
    }

    expect(vivre.calls).toHaveLength(41);
    expect(new Set(vivre.calls.map((call) => call.key))).toEqual(new Set([item.idempotencyKey]));
    expect(vivre.records).toHaveLength(1);
    expect(await outbox.counts()).toMatchObject({ waiting: 0, attention: 0 });
  });

  it('does not retry before the backoff ends', async () => {
    const fake = env.withVivre(onlyFirstCall(errors.server));
    await fake.outbox.enqueue(writes.activity());
    await fake.outbox.flushOutbox();

    await flushBeforeAndAt(fake, (await fake.outbox.counts()).nextWakeAt!);
    expect(fake.vivre.calls).toHaveLength(2);
  });

  it('lets independent items pass an item the server keeps failing', async () => {
    const { vivre, outbox } = env.withVivre(({ write }) =>
      write.kind === 'logActivity' && write.body.note === 'poison' ? errors.server() : 'ok',
    );
    await outbox.enqueue(writes.activity('cnt_1', 'poison'));
    await outbox.enqueue(writes.activity('cnt_2'));
    await outbox.enqueue(writes.activity('cnt_3'));
    await outbox.flushOutbox();

    expect(vivre.records.map((r) => r.write)).toEqual([
      writes.activity('cnt_2'),
      writes.activity('cnt_3'),
    ]);
    expect((await outbox.list()).waiting.map((v) => v.write)).toEqual([
      writes.activity('cnt_1', 'poison'),
    ]);
  });

  it('holds every item while offline, spending one request per try', async () => {
    let online = false;
    const { vivre, outbox } = env.withVivre(() => (online ? 'ok' : errors.offline()));
    for (let n = 1; n <= 3; n++) await outbox.enqueue(writes.activity(`cnt_${n}`));
    await outbox.flushOutbox();
    expect(vivre.calls).toHaveLength(1);
    expect((await outbox.list()).waiting.map((v) => v.lastError?.kind ?? null)).toEqual([
      'offline',
      null,
      null,
    ]);

    online = true;
    advanceClock((await outbox.counts()).nextWakeAt! - Date.now());
    await outbox.flushOutbox();
    expect(vivre.records).toHaveLength(3);
  });

  it('waits at least Retry-After on 429, for every item', async () => {
    const fake = env.withVivre(
      onlyFirstCall(() => errors.rateLimited(30)),
      { random: () => 0 },
    );
    await fake.outbox.enqueue(writes.activity('cnt_1'));
    await fake.outbox.enqueue(writes.activity('cnt_2'));
    await fake.outbox.flushOutbox();
    expect(fake.vivre.calls).toHaveLength(1);

    await flushBeforeAndAt(fake, Date.now() + 30_000);
    expect(fake.vivre.records).toHaveLength(2);
  });

  it('honours Retry-After on 503, even when the backoff would be shorter', async () => {
    const { vivre, outbox } = env.withVivre(
      onlyFirstCall(() => errors.unavailable(120)),
      { random: () => 0 },
    );
    await outbox.enqueue(writes.activity());
    await outbox.flushOutbox();
    expect((await outbox.counts()).nextWakeAt).toBe(Date.now() + 120_000);

    advanceClock(119_000);
    await outbox.flushOutbox();
    expect(vivre.calls).toHaveLength(1);
  });

  it('treats an unexpected exception as an unknown outcome and retries with the same key', async () => {
    const vivre = fakeVivre();
    const outbox = env.open({
      deliver: async (write, key, signal) => {
        if (vivre.calls.length === 0) {
          vivre.calls.push({ write, key });
          throw new TypeError('response did not match the contract');
        }
        return vivre.deliver(write, key, signal);
      },
      readBack: vivre.readBack,
    });
    const item = await outbox.enqueue(writes.activity());
    await outbox.flushOutbox();
    expect((await outbox.list()).waiting[0]?.lastError?.kind).toBe('unknown');
    advanceClock(1000);
    await outbox.flushOutbox();
    expect(vivre.calls.map((call) => call.key)).toEqual([item.idempotencyKey, item.idempotencyKey]);
    expect(vivre.records).toHaveLength(1);
  });
});

describe('401', () => {
  it('pauses the whole outbox, keeps every item, and resumes when told', async () => {
    let keyValid = false;
    const { vivre, outbox } = env.withVivre(() => (keyValid ? 'ok' : errors.unauthorized()));
    for (let n = 1; n <= 3; n++) await outbox.enqueue(writes.activity(`cnt_${n}`));
    await outbox.flushOutbox();

    let listing = await outbox.list();
    expect(listing.paused).toEqual({ kind: 'unauthorized', message: 'Reconnect to Vivre.' });
    expect(listing.waiting).toHaveLength(3);
    expect((await outbox.counts()).nextWakeAt).toBeNull();

    advanceClock(24 * 3600_000);
    await outbox.flushOutbox();
    expect(vivre.calls).toHaveLength(1);

    // The pause survives a restart of the worker.
    await outbox.close();
    const restarted = env.open({ deliver: vivre.deliver });
    await restarted.flushOutbox();
    expect(vivre.calls).toHaveLength(1);
    expect((await restarted.list()).paused?.kind).toBe('unauthorized');

    keyValid = true;
    await restarted.resume();
    await restarted.flushOutbox();
    listing = await restarted.list();
    expect(listing.paused).toBeNull();
    expect(vivre.records).toHaveLength(3);
  });

  it('can be paused by the worker itself, e.g. when the key is removed', async () => {
    const { vivre, outbox } = env.withVivre();
    await outbox.pause({ kind: 'not_configured', message: 'Connect Vivre in the options.' });
    await outbox.enqueue(writes.activity());
    await outbox.flushOutbox();
    expect(vivre.calls).toHaveLength(0);
    expect(await outbox.counts()).toMatchObject({ waiting: 1, paused: true, nextWakeAt: null });
  });
});

describe('refused writes', () => {
  it('move alone to "needs attention" with the server reason while the rest flows', async () => {
    const { vivre, outbox } = env.withVivre(({ write }) =>
      write.kind === 'logActivity' && write.body.contact_id === 'cnt_2'
        ? errors.validation('The note is longer than 10,000 characters.')
        : 'ok',
    );
    for (let n = 1; n <= 3; n++) await outbox.enqueue(writes.activity(`cnt_${n}`));
    await outbox.flushOutbox();

    const listing = await outbox.list();
    expect(listing.attention).toHaveLength(1);
    expect(listing.attention[0]).toMatchObject({
      write: writes.activity('cnt_2'),
      lastError: {
        kind: 'validation',
        message: 'The note is longer than 10,000 characters.',
        param: 'note',
      },
    });
    expect(listing.waiting).toHaveLength(0);
    expect(vivre.records.map((r) => r.id)).toHaveLength(2);

    // Nothing retries it on its own.
    advanceClock(3600_000);
    await outbox.flushOutbox();
    expect(vivre.calls).toHaveLength(3);
    expect(await outbox.counts()).toMatchObject({ attention: 1, waiting: 0, nextWakeAt: null });
  });
});
