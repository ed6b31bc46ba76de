import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WriteProgress } from '@/ui/view-types';
import type { OutboxItemView, OutboxSummary, WriteRequest } from '@/shared/messaging/protocol';
import type { Ask } from '@/shared/messaging/messenger';
import { sendWrite } from '@/content/chips/send-write';

const WRITE: WriteRequest = {
  kind: 'logActivity',
  body: { contact_id: 'cnt_1', type: 'call' },
};

function item(id: string, extra: Partial<OutboxItemView> = {}): OutboxItemView {
  return {
    id,
    write: WRITE,
    state: 'waiting',
    createdAt: 0,
    attempts: 1,
    summary: 'Call',
    ...extra,
  };
}

/** A worker whose outbox goes through the given summaries, one per getOutbox call. */
function worker(enqueued: 'waiting' | 'synced', outboxes: OutboxSummary[]) {
  const ask = vi.fn(async (type: string) => {
    if (type === 'enqueueWrite') return { ok: true, value: { id: 'ob_1', state: enqueued } };
    if (type === 'getOutbox')
      return { ok: true, value: outboxes.length > 1 ? outboxes.shift() : outboxes[0] };
    throw new Error(type);
  });
  return { ask: ask as unknown as Ask, mock: ask };
}

const empty: OutboxSummary = { waiting: [], attention: [], paused: null };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

async function run(ask: Ask, signal = new AbortController().signal) {
  const seen: WriteProgress['state'][] = [];
  const done = sendWrite(ask, WRITE, (p) => seen.push(p.state), signal);
  await vi.runAllTimersAsync();
  return { final: await done, seen };
}

describe('sendWrite', () => {
  it('says "waiting" while the item is in the outbox, and "synced" only once it left', async () => {
    const { ask, mock } = worker('waiting', [{ ...empty, waiting: [item('ob_1')] }, empty]);
    const { final, seen } = await run(ask);
    expect(seen).toEqual(['sending', 'waiting', 'synced']);
    expect(final).toEqual({ state: 'synced' });
    expect(mock).toHaveBeenCalledWith('enqueueWrite', { write: WRITE });
  });

  it('reports the server’s reason when the item needs attention', async () => {
    const lastError = { kind: 'validation' as const, message: 'The note is too long.' };
    const { ask } = worker('waiting', [
      { ...empty, attention: [item('ob_1', { state: 'attention', lastError })] },
    ]);
    expect((await run(ask)).final).toEqual({ state: 'attention', error: lastError });
  });

  it('stays "waiting" (never claims synced) while the worker is offline', async () => {
    const { ask, mock } = worker('waiting', [{ ...empty, waiting: [item('ob_1')] }]);
    const { final } = await run(ask);
    expect(final).toEqual({ state: 'waiting' });
    // Bounded: it stops following after a handful of checks.
    expect(mock.mock.calls.filter(([type]) => type === 'getOutbox').length).toBeLessThan(10);
  });

  it('fails visibly when the worker refuses the write', async () => {
    const error = { kind: 'unknown' as const, message: 'Vivre for Gmail is restarting.' };
    const ask = vi.fn(async () => ({ ok: false, error })) as unknown as Ask;
    expect((await run(ask)).final).toEqual({ state: 'failed', error });
  });

  it('is synced at once when the worker already sent it', async () => {
    const { ask, mock } = worker('synced', []);
    expect((await run(ask)).final).toEqual({ state: 'synced' });
    expect(mock).toHaveBeenCalledTimes(1);
  });
});
