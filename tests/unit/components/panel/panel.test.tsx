// @vitest-environment happy-dom
/**
 * The panel as a rep meets it: the people of the tab beside it with their scores, one open;
 * another thread or tab redraws it; the search where there is no email; the fallback for a view
 * Vivre cannot read; the outbox's writes that need the rep; a read-only key or no key at all.
 */
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { UNREADABLE_VIEW } from '@/components/popup/UnreadableViewNotice';
import type { OutboxItemView } from '@/lib/shared/messaging/protocol';
import { DEEPA, EMPTY_OUTBOX, PRIYA, RAHUL, SNEHA, STATUS_OK } from '../../../factories';
import { renderPanel, THREAD } from './harness';

afterEach(cleanup);

const rows = () =>
  [
    ...screen.getByRole('region', { name: 'On this email' }).querySelectorAll('button.person-row'),
  ] as HTMLButtonElement[];

describe('the panel beside the email', () => {
  it("lists the thread's people with their scores, the sender open, in one lookup", async () => {
    const { ask, show, services } = renderPanel({ known: [RAHUL, PRIYA] });
    show(THREAD(RAHUL, PRIYA, SNEHA));
    await screen.findByRole('region', { name: 'On this email' });
    expect(rows().map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^Rahul Sharma.*87 Hot lead$/),
      expect.stringMatching(/^Priya Kapoor.*42 Warm lead$/),
      expect.stringMatching(/^Sneha Kulkarni.*Not in Vivre$/),
    ]);
    expect(rows().map((row) => row.getAttribute('aria-expanded'))).toEqual([
      'true',
      'false',
      'false',
    ]);
    const lookups = ask.mock.calls.filter(([type]) => type === 'lookupContacts');
    expect(lookups).toEqual([
      [
        'lookupContacts',
        {
          emails: [RAHUL.email, PRIYA.email, SNEHA.email],
          signedInEmail: 'meenakshi.rao@seller.example',
        },
      ],
    ]);
    const record = await screen.findByRole('region', { name: 'Rahul Sharma' });
    await within(record).findByText('Annual plan');
    expect(record.textContent).toMatch(/Hot lead/);
    expect(services.mark).toHaveBeenCalledWith('first-drawn');
  });

  it('follows the rep to another thread or tab, and offers the search away from Gmail', async () => {
    const { show, services } = renderPanel({ known: [RAHUL, DEEPA] });
    show(THREAD(RAHUL));
    await screen.findByRole('region', { name: 'Rahul Sharma' });
    show(THREAD(DEEPA), 2);
    await screen.findByRole('region', { name: 'Deepa Menon' });
    expect(screen.queryByText(/Rahul Sharma/)).toBeNull();
    expect(services.mark).toHaveBeenLastCalledWith('redrawn');

    show(null, 3);
    await screen.findByText(/Open an email in Gmail to see its people here/);
    expect(screen.getByRole('combobox', { name: 'Find a contact in Vivre' })).toBeTruthy();
    show({ ...THREAD(), participants: [] }, 4);
    await screen.findByText('No email is open in this tab.');
  });

  it('moves through the people with the arrow keys and opens one with Enter', async () => {
    const { show } = renderPanel({ known: [RAHUL, PRIYA, DEEPA] });
    show(THREAD(RAHUL, PRIYA, DEEPA));
    await screen.findByRole('region', { name: 'Rahul Sharma' });
    const [rahul, priya, deepa] = rows();
    rahul!.focus();
    fireEvent.keyDown(rahul!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(priya);
    fireEvent.keyDown(priya!, { key: 'End' });
    expect(document.activeElement).toBe(deepa);
    fireEvent.keyDown(deepa!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(deepa);
    fireEvent.click(deepa!);
    await screen.findByRole('region', { name: 'Deepa Menon' });
    expect(screen.queryByRole('region', { name: 'Rahul Sharma' })).toBeNull();
  });

  it("says when Gmail's view cannot be read, and the subject starts the note", async () => {
    const { show } = renderPanel({ known: [RAHUL] });
    show({ ...THREAD(RAHUL), unreadable: 'thread', subject: 'PO-4471 – revised schedule' });
    await screen.findByText(UNREADABLE_VIEW);
    fireEvent.click(screen.getByRole('button', { name: /Add the subject to the note: PO-4471/ }));
    await screen.findByText('The subject will start the note you log.');
    // The people the title names are still listed: the subject starts the note logged for them.
    const record = await screen.findByRole('region', { name: 'Rahul Sharma' });
    fireEvent.click(
      await within(record).findByRole('button', { name: 'Log note with Rahul Sharma' }),
    );
    expect(
      (within(record).getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement).value,
    ).toBe('PO-4471 – revised schedule');
  });

  it('counts the writes that need the rep and leads to the outbox', async () => {
    const stuck: OutboxItemView = {
      id: 'x',
      state: 'attention',
      createdAt: 0,
      attempts: 3,
      summary: 'Call with Rahul Sharma',
      write: { kind: 'logActivity', body: { contact_id: RAHUL.id, type: 'call' } },
    };
    const { show, services } = renderPanel({
      outbox: {
        ...EMPTY_OUTBOX,
        attention: [stuck],
        waiting: [{ ...stuck, id: 'y', state: 'waiting' }],
      },
    });
    show(null);
    await screen.findByText(/1 write needs your attention, 1 more waiting to sync\./);
    fireEvent.click(screen.getByRole('button', { name: 'Review in the outbox' }));
    expect(services.openOutbox).toHaveBeenCalledOnce();
  });

  it('shows everything with a read-only key and turns writing off with the reason', async () => {
    const { show } = renderPanel({
      known: [RAHUL],
      status: { ...STATUS_OK, permissions: ['read'] },
    });
    show(THREAD(RAHUL));
    const record = await screen.findByRole('region', { name: 'Rahul Sharma' });
    await within(record).findByText('Annual plan');
    const logCall = within(record).getByRole('button', { name: 'Log call with Rahul Sharma' });
    expect((logCall as HTMLButtonElement).disabled).toBe(true);
    expect(record.textContent).toContain('this API key is read-only');
    expect(within(record).queryByRole('button', { name: /New deal/ })).toBeNull();
  });

  it('asks the rep to connect Vivre first, and leads to Options', async () => {
    const { services } = renderPanel({ status: { ...STATUS_OK, configured: false } });
    await screen.findByRole('heading', { name: 'Connect your Vivre workspace' });
    fireEvent.click(screen.getByRole('button', { name: 'Open Options' }));
    expect(services.openOptions).toHaveBeenCalledOnce();
  });
});
