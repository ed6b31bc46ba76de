/**
 * A request whose caller gave up while it waited for a slot (the outbox closed mid-pass, its
 * delivery left behind) sends nothing when its turn comes: no request to Vivre, no slot used.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createHttp } from '@/lib/worker/vivre/http';
import { createRateLimiter } from '@/lib/worker/vivre/rate-limiter';
import { json, stubFetch } from './fake-vivre';

afterEach(() => vi.unstubAllGlobals());

const http = () =>
  createHttp({
    getCredentials: async () => ({
      baseUrl: 'https://api.vivre.test/v1',
      apiKey: 'vv_test_unit_key_000000000000000',
      workspaceId: 'ws_unit',
    }),
    limiter: createRateLimiter(),
  });

const logNote = (signal: AbortSignal) =>
  http().request({
    method: 'POST',
    path: '/activities',
    body: { contact_id: 'cnt_1', type: 'note', note: 'x' },
    idempotencyKey: 'k',
    schema: z.object({ id: z.string() }),
    signal,
  });

describe('a request its caller gave up on', () => {
  it('is never sent', async () => {
    const { requests } = stubFetch(() => json(201, { id: 'act_1' }));
    const gaveUp = new AbortController();
    gaveUp.abort();
    await expect(logNote(gaveUp.signal)).rejects.toBeTruthy();
    expect(requests).toHaveLength(0);
  });

  it('is sent while its caller still waits', async () => {
    const { requests } = stubFetch(() => json(201, { id: 'act_1' }));
    const waiting = new AbortController();
    await expect(logNote(waiting.signal)).resolves.toEqual({ id: 'act_1' });
    expect(requests).toHaveLength(1);
  });
});
