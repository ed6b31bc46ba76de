import { afterEach, describe, expect, it, vi } from 'vitest';

const sendMessage = vi.fn();
vi.mock('@webext-core/messaging', () => ({ defineExtensionMessaging: () => ({ sendMessage }) }));

const { ask, RESTARTING } = await import('@/lib/shared/messaging/messenger');

afterEach(() => sendMessage.mockReset());

describe('ask', () => {
  it("passes the worker's answer through", async () => {
    sendMessage.mockResolvedValue({
      ok: false,
      error: { kind: 'not_configured', message: 'Connect Vivre first.' },
    });
    expect(await ask('lookupContacts', { emails: ['a@b.example'] })).toEqual({
      ok: false,
      error: { kind: 'not_configured', message: 'Connect Vivre first.' },
    });
    expect(sendMessage).toHaveBeenCalledWith('lookupContacts', { emails: ['a@b.example'] });
  });

  it('turns a worker that cannot be reached into a message a rep can read', async () => {
    sendMessage.mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    expect(await ask('getStatus')).toEqual({ ok: false, error: RESTARTING });
    expect(RESTARTING.message).toBe('Vivre for Gmail is restarting — try again in a moment.');
  });

  it('treats a missing or malformed answer the same way', async () => {
    sendMessage.mockResolvedValue(undefined);
    expect(await ask('getStatus')).toEqual({ ok: false, error: RESTARTING });
    sendMessage.mockResolvedValue('ok');
    expect(await ask('flushOutbox')).toEqual({ ok: false, error: RESTARTING });
  });
});
