// @vitest-environment happy-dom
/**
 * One person whole in the panel: the log form the card and popup share, with every type and the
 * open deals to log against; the whole timeline, paged from Vivre; the offline copy marked with
 * its age; "Add to Vivre" prefilled for someone Vivre does not know.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { activity, deal, RAHUL, RAHUL_DETAILS, SNEHA } from '../../../factories';
import { renderPanel, THREAD } from './harness';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** `count` of Rahul's activities, newest first, one a day back from 1 June. */
const history = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) =>
    activity({
      id: `act_${from + i}`,
      note: `Activity ${from + i}`,
      created_at: new Date(
        Date.parse('2026-06-01T10:00:00Z') - (from + i) * 86_400_000,
      ).toISOString(),
    }),
  );

async function openRahul(world: Parameters<typeof renderPanel>[0] = {}) {
  const panel = renderPanel({ known: [RAHUL], ...world });
  panel.show(THREAD(RAHUL));
  const record = await screen.findByRole('region', { name: 'Rahul Sharma' });
  return { ...panel, record };
}

describe('one person in the panel', () => {
  it('logs an email against one of the open deals, the same write the card and popup send', async () => {
    const { record, written } = await openRahul();
    await within(record).findByRole('region', { name: 'Open deals' });
    fireEvent.click(
      await within(record).findByRole('button', { name: 'Log email with Rahul Sharma' }),
    );
    const form = within(record).getByRole('form', { name: 'Log activity for Rahul Sharma' });
    const deals = within(form).getByRole('combobox', { name: 'Deal' }) as HTMLSelectElement;
    // Open deals only: the won pilot is not offered.
    expect([...deals.options].map((o) => o.textContent)).toEqual([
      'No deal',
      'Annual plan (Proposal · ₹6,500.00)',
    ]);
    fireEvent.change(deals, { target: { value: 'dl_1' } });
    fireEvent.input(within(form).getByRole('textbox', { name: 'Note' }), {
      target: { value: 'Sent the order form.' },
    });
    fireEvent.submit(form);
    await waitFor(() => expect(written).toHaveLength(1));
    expect(written[0]).toEqual({
      kind: 'logActivity',
      body: { contact_id: RAHUL.id, deal_id: 'dl_1', type: 'email', note: 'Sent the order form.' },
    });
    await within(record).findByText('Saved — will sync');
  });

  it('pages the timeline: ten at a time, then Vivre past what the details brought', async () => {
    const page = vi.fn(async () => ({
      ok: true as const,
      value: { activities: history(5, 12), total: 17 },
    }));
    const { record, ask } = await openRahul({
      details: () => ({ ...RAHUL_DETAILS, activities: history(12), activitiesTotal: 17 }),
      activityPage: page as never,
    });
    const timeline = await within(record).findByRole('region', { name: 'Activity' });
    expect(within(timeline).getAllByRole('listitem')).toHaveLength(10);
    fireEvent.click(within(record).getByRole('button', { name: 'Show older activity' }));
    await waitFor(() => expect(within(timeline).getAllByRole('listitem')).toHaveLength(12));
    expect(ask).not.toHaveBeenCalledWith('getActivityPage', expect.anything());
    fireEvent.click(within(record).getByRole('button', { name: 'Show older activity' }));
    await waitFor(() => expect(within(timeline).getAllByRole('listitem')).toHaveLength(17));
    expect(ask).toHaveBeenCalledWith('getActivityPage', {
      contactId: RAHUL.id,
      offset: 12,
      limit: 10,
    });
    expect(within(record).queryByRole('button', { name: 'Show older activity' })).toBeNull();
  });

  it('says in one sentence why older activity cannot come while offline', async () => {
    const { record } = await openRahul({
      details: () => ({ ...RAHUL_DETAILS, activities: history(3), activitiesTotal: 9 }),
      activityPage: (async () => ({
        ok: false,
        error: { kind: 'offline', message: 'Vivre could not be reached.' },
      })) as never,
    });
    fireEvent.click(await within(record).findByRole('button', { name: 'Show older activity' }));
    expect((await within(record).findByRole('alert')).textContent).toBe(
      'You’re offline: older activity shows once Vivre can be reached.',
    );
  });

  it('marks the offline copy with its age, as the card does', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2026-06-01T12:00:00Z'));
    const { record } = await openRahul({
      lookedUpAt: Date.parse('2026-06-01T09:00:00Z'),
      details: () => ({
        ...RAHUL_DETAILS,
        deals: [deal()],
        fetchedAt: Date.parse('2026-06-01T09:00:00Z'),
        cached: true,
      }),
    });
    await within(record).findByText('Offline — cached 3 h ago');
    expect(record.textContent).toContain('Annual plan');
  });

  it('offers "Add to Vivre" for someone Vivre does not know, prefilled', async () => {
    const panel = renderPanel({ known: [] });
    panel.show(THREAD(SNEHA));
    const record = await screen.findByRole('region', { name: 'Sneha Kulkarni' });
    const add = within(record).getByRole('form', { name: 'Add to Vivre' });
    expect((within(add).getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value).toBe(
      'Sneha Kulkarni',
    );
    expect((within(add).getByRole('textbox', { name: 'Company' }) as HTMLInputElement).value).toBe(
      'Acme Tech',
    );
  });
});
