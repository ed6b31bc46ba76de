/**
 * Held sends from a Gmail tab that Gmail's page may be driving (issue 24, parts 2 and 7): they
 * draw on the tab's one write budget with logEmail, and they are planned, and queued, for the
 * workspace the rep sent them from.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EmailToLog } from '@/lib/shared/messaging/protocol';
import { SANDBOX_BASE_URL } from '@/lib/shared/vivre/base-url';
import { ENQUEUE_BURST } from '@/lib/worker/outbox/enqueue-rate';
import { CONTACT, json, list, type Recorded } from '../vivre/fake-vivre';
import { GMAIL_TAB, OPTIONS, settle, startWorker } from '../harness';

/** Forty customers in Vivre, found by their exact address. */
const CUSTOMERS = Array.from({ length: 40 }, (_, i) => ({
  ...CONTACT,
  id: `cnt_c${i}`,
  name: `Customer ${i}`,
  email: `customer${i}@buyer.example`,
}));

/** Vivre answers lookups; writes find it down (they wait in the outbox) unless `writes`. */
function vivre({ writes = false } = {}) {
  return (req: Recorded) => {
    const { pathname, searchParams } = req.url;
    if (req.method === 'POST') {
      if (!writes) throw new TypeError('Failed to fetch');
      return json(201, { id: 'act_1', ...(req.body as object), created_at: CONTACT.created_at });
    }
    if (pathname.endsWith('/contacts')) {
      const search = searchParams.get('search');
      return json(200, list(CUSTOMERS.filter((customer) => customer.email === search)));
    }
    if (pathname.endsWith('/deals') || pathname.endsWith('/activities')) return json(200, list([]));
    return json(404, undefined);
  };
}

const emailTo = (count: number, subject = 'Quote'): EmailToLog => ({
  people: CUSTOMERS.slice(0, count).map(({ email, name }) => ({ email, name })),
  signedInEmail: 'meera.rep@seller.example',
  subject,
  bodyText: 'Please find the quote attached.',
});

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  vi.useRealTimers();
  await close?.();
  close = undefined;
  vi.unstubAllGlobals();
});

function start(writes = false) {
  const started = startWorker(vivre({ writes }));
  close = () => started.worker.outbox.close();
  return started;
}

describe('one write budget per Gmail tab', () => {
  it('queues no more than the burst through logEmail and holdEmailLog together, settled or not', async () => {
    // Enough calls of enough people that every run asks for more than the burst.
    const call = fc.record({
      via: fc.constantFrom('logEmail', 'holdEmailLog'),
      people: fc.integer({ min: 20, max: CUSTOMERS.length }),
      settleAtOnce: fc.boolean(),
    });
    const calls = fc.array(call, { minLength: ENQUEUE_BURST / 20 + 1, maxLength: 30 });
    await fc.assert(
      fc.asyncProperty(calls, async (calls) => {
        const { ask, worker } = start();
        vi.useFakeTimers({ toFake: ['Date'] }); // the bucket refills with time: hold it still
        try {
          for (const [n, { via, people, settleAtOnce }] of calls.entries()) {
            const email = emailTo(people);
            if (via === 'logEmail') await ask('logEmail', email, GMAIL_TAB);
            else {
              const sendId = `send-${n}`;
              const commitAt = Date.now() + 35_000;
              const held = await ask('holdEmailLog', { sendId, commitAt, email }, GMAIL_TAB);
              if (held.ok && settleAtOnce)
                await ask('settleEmailLog', { sendId, outcome: 'sent' }, GMAIL_TAB);
            }
          }
          // Whatever is still held stands: the alarm queues it once the window has passed.
          vi.setSystemTime(Date.now() + 60_000);
          await worker.heldSends.commitDue();
          const { waiting, attention } = await worker.outbox.counts();
          expect(waiting + attention).toBeLessThanOrEqual(ENQUEUE_BURST);
        } finally {
          vi.useRealTimers();
          await worker.outbox.close();
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('refuses a hold once the tab has spent its budget, as it refuses logEmail', async () => {
    const { ask } = start();
    vi.useFakeTimers({ toFake: ['Date'] });
    for (let n = 0; n < ENQUEUE_BURST / 40; n++) {
      expect(await ask('logEmail', emailTo(40), GMAIL_TAB)).toMatchObject({ ok: true });
    }
    const commitAt = Date.now() + 35_000;
    const held = await ask(
      'holdEmailLog',
      { sendId: 'send-1', commitAt, email: emailTo(1) },
      GMAIL_TAB,
    );
    expect(held).toMatchObject({ ok: false, error: { kind: 'rate_limited' } });
  });
});

describe('a workspace switch inside the Undo window', () => {
  const OTHER = {
    apiKey: 'vv_live_other_0000000000000000',
    workspaceId: 'ws_other',
    baseUrl: 'https://vivre.other.example/v1',
  };

  it('parks the held send for the workspace it was sent from: nothing of it reaches the new one', async () => {
    const { ask, worker, requests } = start(true);
    const commitAt = Date.now() + 35_000;
    const email = emailTo(2, 'Sent from ws_demo');
    expect(await ask('holdEmailLog', { sendId: 'draft-1', commitAt, email }, GMAIL_TAB)).toEqual({
      ok: true,
      value: null,
    });
    expect(await ask('saveSettings', OTHER, OPTIONS)).toMatchObject({ ok: true });

    const settled = await ask('settleEmailLog', { sendId: 'draft-1', outcome: 'sent' }, GMAIL_TAB);
    expect(settled).toMatchObject({
      ok: true,
      value: { loggedFor: [CUSTOMERS[0]!.email, CUSTOMERS[1]!.email] },
    });
    await worker.outbox.flushOutbox();
    await settle();
    expect(requests.filter((request) => request.method === 'POST')).toEqual([]);
    const { attention } = await worker.outbox.list();
    expect(attention).toHaveLength(2);
    for (const item of attention) {
      expect(item).toMatchObject({
        parked: { reason: 'connection', workspaceId: 'ws_demo', baseUrl: SANDBOX_BASE_URL },
      });
      expect(item.write).toMatchObject({
        body: { note: expect.stringMatching(/^Sent from ws_demo/) },
      });
    }

    // A send made after the switch is the new workspace's, and goes there.
    const after = emailTo(1, 'Sent from ws_other');
    await ask('holdEmailLog', { sendId: 'draft-2', commitAt, email: after }, GMAIL_TAB);
    await ask('settleEmailLog', { sendId: 'draft-2', outcome: 'sent' }, GMAIL_TAB);
    await worker.outbox.flushOutbox();
    await settle();
    const posts = requests.filter((request) => request.method === 'POST');
    expect(posts.map((post) => [post.url.origin, post.headers.get('X-Workspace-ID')])).toEqual([
      ['https://vivre.other.example', 'ws_other'],
    ]);
    expect(posts[0]!.body).toMatchObject({ note: expect.stringMatching(/^Sent from ws_other/) });
  });
});
