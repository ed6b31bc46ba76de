import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { popupServices } from '@/lib/pages/popup/services';
import { NO_PAGE } from '@/components/popup/services-type';
import { contentMessenger } from '@/lib/shared/messaging/messenger';

vi.mock('@/lib/shared/messaging/messenger', async (original) => ({
  ...(await original<object>()),
  contentMessenger: { sendMessage: vi.fn() },
}));

const rahul = {
  email: 'rahul.sharma@acme-tech.example',
  name: 'Rahul Sharma',
  role: 'sender' as const,
};
const send = vi.mocked(contentMessenger.sendMessage);

function activeTab(tab: { id?: number; url?: string } | undefined) {
  fakeBrowser.tabs.query = vi.fn(async () =>
    tab ? [tab] : [],
  ) as unknown as typeof fakeBrowser.tabs.query;
}

beforeEach(() => {
  fakeBrowser.reset();
  send.mockReset();
});

describe('popup: people on the active tab', () => {
  it('asks the Gmail tab’s content script', async () => {
    activeTab({ id: 7, url: 'https://mail.google.com/mail/u/0/#inbox/FMfcg' });
    send.mockResolvedValue({ participants: [rahul], subject: 'Pricing', unreadable: null });
    expect(await popupServices.getPage()).toEqual({
      participants: [rahul],
      subject: 'Pricing',
      unreadable: null,
    });
    expect(send).toHaveBeenCalledWith('getPageParticipants', undefined, 7);
  });

  it('does not message a tab that is not Gmail', async () => {
    activeTab({ id: 8, url: 'https://example.com/' });
    expect(await popupServices.getPage()).toEqual(NO_PAGE);
    expect(send).not.toHaveBeenCalled();
  });

  it('falls back to search when the tab has no content script to answer', async () => {
    activeTab({ id: 9 });
    send.mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    expect(await popupServices.getPage()).toEqual(NO_PAGE);
  });

  it('copes with no active tab at all', async () => {
    activeTab(undefined);
    expect(await popupServices.getPage()).toEqual(NO_PAGE);
  });
});
