// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutboxItemView } from '@/lib/shared/messaging/protocol';
import { OutboxList, SHOW_MORE } from '@/components/popup/OutboxList';
import type { PopupServices } from '@/components/popup/services-type';
import { RAHUL } from '../../../factories';

afterEach(cleanup);

const TOTAL = 45;
const FIRST = 20;
const items: OutboxItemView[] = Array.from({ length: TOTAL }, (_, n) => ({
  id: `item_${n}`,
  state: 'waiting',
  createdAt: n,
  attempts: 0,
  summary: `Call ${n + 1} with Rahul Sharma`,
  write: { kind: 'logActivity', body: { contact_id: RAHUL.id, type: 'call' } },
}));

/** A worker paging `items` by position (seq n + 1 is item n). */
function pagingWorker() {
  return vi.fn(async (_type: string, { after, limit }: { after: number; limit: number }) => ({
    ok: true as const,
    value: {
      items: items.slice(after, after + limit),
      next: after + limit < TOTAL ? after + limit : null,
    },
  }));
}

function renderList(ask: ReturnType<typeof pagingWorker>) {
  return render(
    <OutboxList
      state="waiting"
      first={items.slice(0, FIRST)}
      total={TOTAL}
      more={FIRST}
      label="Waiting to sync"
      ask={ask as unknown as PopupServices['ask']}
      renderItem={(item) => <li key={item.id}>{item.summary}</li>}
    />,
  );
}

describe('a long outbox list', () => {
  it('shows the first page, then the rest a page at a time with a button and a status', async () => {
    const ask = pagingWorker();
    renderList(ask);
    const list = screen.getByRole('list', { name: 'Waiting to sync' });
    expect(list.querySelectorAll('li')).toHaveLength(FIRST);
    expect(screen.getByRole('status').textContent).toBe(`Showing ${FIRST} of ${TOTAL}.`);
    expect(ask).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: `Show ${SHOW_MORE} more` }));
    await waitFor(() => expect(list.querySelectorAll('li')).toHaveLength(FIRST + SHOW_MORE));
    expect(ask).toHaveBeenCalledWith('listOutboxPage', {
      state: 'waiting',
      after: FIRST,
      limit: SHOW_MORE,
    });

    fireEvent.click(screen.getByRole('button', { name: 'Show 5 more' }));
    await waitFor(() => expect(list.querySelectorAll('li')).toHaveLength(TOTAL));
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).toEqual(
      items.map((item) => item.summary),
    );
    expect(screen.getByRole('status').textContent).toBe(`Showing ${TOTAL} of ${TOTAL}.`);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says so in one sentence when the worker cannot give the next page', async () => {
    const ask = vi.fn(async () => ({
      ok: false as const,
      error: { kind: 'unknown' as const, message: 'Vivre is restarting. Try again in a moment.' },
    }));
    renderList(ask as unknown as ReturnType<typeof pagingWorker>);
    fireEvent.click(screen.getByRole('button', { name: `Show ${SHOW_MORE} more` }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Vivre is restarting. Try again in a moment.',
      ),
    );
    expect(screen.getByRole('button', { name: /Show \d+ more/ })).toBeTruthy();
  });
});
