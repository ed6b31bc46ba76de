/**
 * Reading back a create whose answer was lost (lib/worker/vivre/read-back.ts), through the
 * list endpoints, newest first: what it finds, and where it stops and lets the rep check.
 */
import { describe, expect, it } from 'vitest';
import type { Activity } from '@/lib/shared/vivre/contract';
import { MAX_ITEMS } from '@/lib/worker/outbox/limits';
import type { VivreClient } from '@/lib/worker/vivre/client';
import { createReadBack } from '@/lib/worker/vivre/read-back';

const SINCE = Date.parse('2026-12-01T09:00:00Z');
const CONTACT = 'cnt_8821';

/** A contact whose activities are `count` notes made after SINCE, newest first, `ours` among them. */
function contactWith(count: number, ours: number) {
  const activities: Activity[] = Array.from({ length: count }, (_, n) => ({
    id: `act_${n}`,
    contact_id: CONTACT,
    type: 'note',
    note: n === ours ? 'Priced the pilot' : `Someone else's note ${n}`,
    created_at: new Date(SINCE + (count - n) * 1000).toISOString(),
  }));
  let pages = 0;
  const client = {
    listActivities: async (
      _contact: string,
      _signal: AbortSignal,
      page: { limit: number; offset: number },
    ) => {
      pages++;
      return activities.slice(page.offset, page.offset + page.limit);
    },
  } as unknown as VivreClient;
  return { readBack: createReadBack(client), pages: () => pages };
}

const write = {
  kind: 'logActivity' as const,
  body: { contact_id: CONTACT, type: 'note' as const, note: 'Priced the pilot' },
};

describe('reading back a lost note', () => {
  it('finds it under as many newer notes as the outbox itself can have delivered since', async () => {
    // A rep back from weeks offline: the outbox's other writes reached Vivre first.
    const { readBack } = contactWith(MAX_ITEMS + 500, MAX_ITEMS + 400);
    const answer = await readBack(write, SINCE, new AbortController().signal);
    expect(answer).toEqual({ type: 'found', ids: [`act_${MAX_ITEMS + 400}`] });
  });

  it('says it is not there when the list ends without it', async () => {
    const { readBack, pages } = contactWith(250, -1);
    const answer = await readBack(write, SINCE, new AbortController().signal);
    expect(answer).toEqual({ type: 'found', ids: [] });
    expect(pages()).toBe(3);
  });

  it('stops and lets the rep check past 2,000 records beyond what the outbox could have made', async () => {
    const { readBack } = contactWith(MAX_ITEMS + 2_100, MAX_ITEMS + 2_050);
    const answer = await readBack(write, SINCE, new AbortController().signal);
    expect(answer).toEqual({ type: 'cannot_tell' });
  });
});
