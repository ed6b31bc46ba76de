import { describe, expect, it } from 'vitest';
import { fakeWorker, DEEPA, SNEHA } from '../../content/email-logging/fake-worker';
import type { EmailToLog } from '@/lib/shared/messaging/protocol';

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
