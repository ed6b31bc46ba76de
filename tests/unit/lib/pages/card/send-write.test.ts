import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { sendWrite } from '@/lib/pages/card/send-write';
import type { Ask } from '@/lib/shared/messaging/messenger';
import type { WriteRequest } from '@/lib/shared/messaging/protocol';
import { writeStatesItem } from '@/lib/shared/storage/items';
import { type WriteStatus } from '@/lib/shared/messaging/protocol';
import type { WriteProgress } from '@/components/common/view-types';

const WRITE: WriteRequest = {
  kind: 'logActivity',
  body: { contact_id: 'cnt_1', type: 'call' },
};

/** A worker that queues the write as `ob_1`, answering `state`. */
function worker(state: 'waiting' | 'synced') {
  const ask = vi.fn(async (type: string) => {
    if (type === 'enqueueWrite') return { ok: true, value: { id: 'ob_1', state } };
    throw new Error(`unexpected ask(${type})`);
  });
  return { ask: ask as unknown as Ask, mock: ask };
}

/** What the worker publishes after an outbox change. */
const publish = (states: Record<string, WriteStatus | null>) => writeStatesItem.setValue(states);

async function start(ask: Ask, signal = new AbortController().signal) {
  const seen: WriteProgress[] = [];
  await sendWrite(ask, WRITE, (progress) => seen.push(progress), signal);
  const states = () => seen.map((progress) => progress.state);
  return { seen, states };
}

beforeEach(() => fakeBrowser.reset());

describe('sendWrite', () => {
  it('says "waiting" while the item is in the outbox, and "synced" once the worker says so', async () => {
    const { ask, mock } = worker('waiting');
    await publish({ ob_1: { state: 'waiting' } });
    const { states } = await start(ask);
    await vi.waitFor(() => expect(states()).toEqual(['sending', 'waiting', 'waiting']));
    await publish({ ob_1: { state: 'synced' } });
    await vi.waitFor(() => expect(states().at(-1)).toBe('synced'));
    expect(mock).toHaveBeenCalledWith('enqueueWrite', { write: WRITE });
  });

  it('reports the server’s reason when the item needs attention', async () => {
    const lastError = { kind: 'validation' as const, message: 'The note is too long.' };
    const { seen } = await start(worker('waiting').ask);
    await publish({ ob_1: { state: 'attention', error: lastError } });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ state: 'attention', error: lastError }));
  });

  it('says why when a refused key holds the whole outbox', async () => {
    const paused = { kind: 'unauthorized' as const, message: 'Vivre refused the API key.' };
    const { seen } = await start(worker('waiting').ask);
    await publish({ ob_1: { state: 'waiting', error: paused } });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ state: 'attention', error: paused }));
  });

  it('stays "waiting" (never claims synced) while the worker has not sent it, and never polls', async () => {
    const { ask, mock } = worker('waiting');
    const { states } = await start(ask);
    await publish({ ob_1: { state: 'waiting' } });
    await publish({ ob_2: { state: 'synced' }, ob_1: { state: 'waiting' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(states()).not.toContain('synced');
    expect(mock).toHaveBeenCalledTimes(1);
  });

  it('says so when the write was discarded before it reached Vivre', async () => {
    const { seen } = await start(worker('waiting').ask);
    await publish({ ob_1: { state: 'waiting' } });
    await publish({ ob_1: null });
    await vi.waitFor(() => expect(seen.at(-1)?.state).toBe('failed'));
  });

  it('takes a write gone from the published window as no news, and follows it when it is back', async () => {
    const { states } = await start(worker('waiting').ask);
    await publish({ ob_1: { state: 'waiting' } });
    await publish({ ob_2: { state: 'waiting' } }); // newer writes pushed it out of the window
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(states()).toEqual(['sending', 'waiting', 'waiting']);
    await publish({ ob_1: { state: 'synced' } });
    await vi.waitFor(() => expect(states()).toEqual(['sending', 'waiting', 'waiting', 'synced']));
  });

  it('stops following once the chip is gone', async () => {
    const gone = new AbortController();
    const { states } = await start(worker('waiting').ask, gone.signal);
    gone.abort();
    await publish({ ob_1: { state: 'synced' } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(states()).toEqual(['sending', 'waiting']);
  });

  it('fails visibly when the worker refuses the write', async () => {
    const error = { kind: 'unknown' as const, message: 'Vivre for Gmail is restarting.' };
    const ask = vi.fn(async () => ({ ok: false, error })) as unknown as Ask;
    expect((await start(ask)).seen.at(-1)).toEqual({ state: 'failed', error });
  });

  it('is synced at once when the worker already sent it', async () => {
    const { ask, mock } = worker('synced');
    expect((await start(ask)).states()).toEqual(['sending', 'synced']);
    expect(mock).toHaveBeenCalledTimes(1);
  });
});
