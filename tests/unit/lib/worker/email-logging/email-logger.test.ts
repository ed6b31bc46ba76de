import { describe, expect, it } from 'vitest';
import { DEEPA, fakeWorker, RAHUL } from '../../content/email-logging/fake-worker';
import type { EmailToLog } from '@/lib/shared/messaging/protocol';
import type { Deal, Stage } from '@/lib/shared/vivre/contract-types';

const deal = (id: string, stage: Stage, contactId = RAHUL.id): Deal => ({
  id,
  contact_id: contactId,
  title: `Deal ${id}`,
  value: 100_000,
  stage,
  created_at: '2026-01-01T00:00:00Z',
});

const message: EmailToLog = {
  people: [{ email: RAHUL.email, name: 'Rahul Sharma' }],
  signedInEmail: 'meenakshi.rao@bluestone.example',
  subject: 'PO-4471',
  bodyText: 'Hello team',
  messageId: '#msg-f:1',
};

describe('the worker logging an email', () => {
  it('logs a thread message once even when two tabs ask at the same moment', async () => {
    const worker = fakeWorker();
    const [first, second] = await Promise.all([
      worker.ask('logEmail', message),
      worker.ask('logEmail', message),
    ]);
    expect(worker.activities()).toEqual([[RAHUL.id, 'PO-4471\n\nHello team']]);
    expect([first.ok && first.value.loggedAt, second.ok && second.value.loggedAt]).toEqual([
      Date.UTC(2026, 10, 24, 9, 30),
      Date.UTC(2026, 10, 24, 9, 30),
    ]);
    await worker.ask('logEmail', message);
    expect(worker.activities()).toHaveLength(1);
  });

  it('does not remember a message it could not log, so it can be tried again', async () => {
    const worker = fakeWorker({ known: [] });
    const answer = await worker.ask('logEmail', message);
    expect(answer).toEqual({
      ok: true,
      value: { loggedFor: [], loggedAt: null, reason: 'Not logged: nobody on it is in Vivre.' },
    });
    expect(worker.logged).toEqual({});
  });

  it('logs a send every time it is asked: sends carry no message id', async () => {
    const worker = fakeWorker();
    const { messageId: _, ...send } = message;
    await worker.ask('logEmail', send);
    await worker.ask('logEmail', send);
    expect(worker.activities()).toHaveLength(2);
  });

  it('ties the email to the contact’s only open deal, and to none when there are several', async () => {
    const worker = fakeWorker({
      deals: {
        [RAHUL.id]: [deal('dl_open', 'proposal'), deal('dl_won', 'won')],
        [DEEPA.id]: [deal('dl_a', 'new', DEEPA.id), deal('dl_b', 'qualified', DEEPA.id)],
      },
    });
    const { messageId: _, ...send } = message;
    await worker.ask('logEmail', {
      ...send,
      people: [
        { email: RAHUL.email, name: null },
        { email: DEEPA.email, name: null },
      ],
    });
    expect(worker.activities().map(([contactId]) => contactId)).toEqual([RAHUL.id, DEEPA.id]);
    expect(worker.dealIds()).toEqual(['dl_open', null]);
  });

  it('ties it to the deal the rep chose, or to none when the rep said no deal', async () => {
    const worker = fakeWorker({
      deals: { [RAHUL.id]: [deal('dl_open', 'proposal'), deal('dl_other', 'new')] },
    });
    const { messageId: _, ...send } = message;
    await worker.ask('logEmail', { ...send, dealIds: { [RAHUL.id]: 'dl_other' } });
    const single = fakeWorker({ deals: { [RAHUL.id]: [deal('dl_open', 'proposal')] } });
    await single.ask('logEmail', { ...send, dealIds: { [RAHUL.id]: null } });
    expect([...worker.dealIds(), ...single.dealIds()]).toEqual(['dl_other', null]);
  });
});
