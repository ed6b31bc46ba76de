import { describe, expect, it } from 'vitest';
import { fakeWorker, DEEPA, SNEHA } from '../../content/email-logging/fake-worker';
import type { EmailToLog } from '@/lib/shared/messaging/protocol';
import type { EmailLogPlan } from '@/lib/worker/email-logging/email-logger';
import { heldSendsAt } from './held-sends-clock';
import {
  MAX_HELD_BYTES,
  MAX_HELD_SENDS,
  MAX_HOLD_MS,
  TOO_MANY_HELD_MESSAGE,
  type HeldSend,
} from '@/lib/worker/email-logging/held-sends';

const sent: EmailToLog = {
  people: [
    { email: SNEHA.email, name: 'Sneha Kulkarni' },
    { email: DEEPA.email, name: 'Deepa Menon' },
  ],
  signedInEmail: 'meera.rep@seller.example',
  subject: 'PO-4472',
  bodyText: 'Revised quantities',
};
const NOTE = 'PO-4472\n\nRevised quantities';

describe('the worker holding a send through Gmail’s Undo Send window', () => {
  it('logs nothing while held, nothing when undone, and forgets it', async () => {
    const worker = fakeWorker();
    await worker.ask('holdEmailLog', {
      sendId: 'draft-1',
      commitAt: worker.clock.now + 35_000,
      email: sent,
    });
    expect(worker.activities()).toEqual([]);
    expect(Object.keys(worker.held())).toEqual(['draft-1']);

    const undone = await worker.ask('settleEmailLog', { sendId: 'draft-1', outcome: 'undone' });
    expect(undone).toEqual({
      ok: true,
      value: { loggedFor: [], loggedAt: null, reason: 'Not logged: sending was undone.' },
    });
    worker.clock.now += 60_000;
    await worker.commitDue();
    expect(worker.activities()).toEqual([]);
    expect(worker.held()).toEqual({});
    expect(worker.clock.wakeAt).toBeNull();
  });

  it('logs a send that stood exactly once, whichever of the tab and the alarm comes first', async () => {
    const worker = fakeWorker();
    const commitAt = worker.clock.now + 35_000;
    await worker.ask('holdEmailLog', { sendId: 'draft-2', commitAt, email: sent });
    expect(worker.clock.wakeAt).toBe(commitAt);

    worker.clock.now = commitAt;
    const [fromTab] = await Promise.all([
      worker.ask('settleEmailLog', { sendId: 'draft-2', outcome: 'sent' }),
      worker.commitDue(),
    ]);
    const again = await worker.ask('settleEmailLog', { sendId: 'draft-2', outcome: 'sent' });
    expect(worker.activities()).toEqual([
      [SNEHA.id, NOTE],
      [DEEPA.id, NOTE],
    ]);
    expect(fromTab).toMatchObject({ ok: true, value: { loggedFor: [SNEHA.email, DEEPA.email] } });
    expect(again).toEqual({ ok: true, value: null });
  });

  it('logs a send whose tab closed inside the window when its time comes, and not before', async () => {
    const worker = fakeWorker();
    const commitAt = worker.clock.now + 10_000;
    await worker.ask('holdEmailLog', { sendId: 'draft-3', commitAt, email: sent });
    await worker.ask('holdEmailLog', { sendId: 'later', commitAt: commitAt + 20_000, email: sent });

    worker.clock.now = commitAt - 1;
    await worker.commitDue();
    expect(worker.activities()).toEqual([]);

    worker.clock.now = commitAt;
    await worker.commitDue();
    expect(worker.activities()).toHaveLength(2);
    expect(Object.keys(worker.held())).toEqual(['later']);
    expect(worker.clock.wakeAt).toBe(commitAt + 20_000);
  });
});

const CONNECTION = {
  baseUrl: 'https://api.vivre.test/v1',
  workspaceId: 'ws_demo',
  keyFingerprint: 'f',
};
const planFor = (note: string): EmailLogPlan => ({
  note,
  log: [{ contactId: SNEHA.id, dealId: null }],
  add: [],
  loggedFor: [SNEHA.email],
});
const sendAt = (commitAt: number, note = NOTE): HeldSend => ({
  plan: planFor(note),
  connection: CONNECTION,
  commitAt,
});

describe('what a Gmail tab can make the worker hold', () => {
  const START = Date.UTC(2026, 10, 24, 9, 30);

  it('commits within a minute however far off the tab says, and never before it is held', async () => {
    const { held, clock, committed, stored } = heldSendsAt(START);
    await held.hold('far', sendAt(Number.MAX_SAFE_INTEGER));
    await held.hold('past', sendAt(0));
    expect(stored()['far']!.commitAt).toBe(START + MAX_HOLD_MS);
    expect(stored()['past']!.commitAt).toBe(START);
    expect(clock.wakeAt).toBe(START);

    await held.commitDue();
    expect(committed.map((send) => send.commitAt)).toEqual([START]);
    clock.now = START + MAX_HOLD_MS;
    await held.commitDue();
    expect(committed).toHaveLength(2);
    expect(stored()).toEqual({});
  });

  it(`holds at most ${MAX_HELD_SENDS} sends at once, refusing the next with a sentence for the rep`, async () => {
    const { held, stored } = heldSendsAt(START);
    for (let n = 0; n < MAX_HELD_SENDS; n++) await held.hold(`send-${n}`, sendAt(START + 35_000));
    await expect(held.hold('one-more', sendAt(START + 35_000))).rejects.toThrow(
      TOO_MANY_HELD_MESSAGE,
    );
    expect(Object.keys(stored())).toHaveLength(MAX_HELD_SENDS);
    expect(stored()['one-more']).toBeUndefined();
    // Holding a send again under its id replaces it: no room needed.
    await held.hold('send-0', sendAt(START + 30_000));
    // One settled makes room again.
    await held.settle('send-1', 'undone');
    await held.hold('one-more', sendAt(START + 35_000));
    expect(Object.keys(stored())).toHaveLength(MAX_HELD_SENDS);
  });

  it(`holds at most ${MAX_HELD_BYTES / 1024} KB of planned writes at once`, async () => {
    const { held, stored } = heldSendsAt(START);
    const third = 'x'.repeat(Math.ceil(MAX_HELD_BYTES / 3));
    await held.hold('a', sendAt(START + 35_000, third));
    await held.hold('b', sendAt(START + 35_000, third));
    await expect(held.hold('c', sendAt(START + 35_000, third))).rejects.toMatchObject({
      kind: 'rate_limited',
      message: TOO_MANY_HELD_MESSAGE,
    });
    expect(Object.keys(stored())).toEqual(['a', 'b']);
    await held.hold('small', sendAt(START + 35_000));
  });
});
