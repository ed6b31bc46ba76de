import { describe, expect, it } from 'vitest';
import { fakeWorker, RAHUL } from './fake-worker';
import type { EmailToLog } from '@/shared/messaging/protocol';

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
});
