/**
 * Gmail's Schedule send (issue 27, part 4): the worker holds a scheduled email until its time,
 * within a horizon, under the same caps and write budget as a sent one; the tab can drop it but
 * never log it early.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { EmailToLog } from '@/lib/shared/messaging/protocol';
import { SCHEDULE_UNREAD_MESSAGE } from '@/lib/worker/email-logging/email-logging';
import {
  MAX_HELD_SENDS,
  MAX_HOLD_MS,
  MAX_SCHEDULE_MS,
  TOO_FAR_MESSAGE,
  TOO_MANY_HELD_MESSAGE,
  type HeldSend,
} from '@/lib/worker/email-logging/held-sends';
import { CONTACT, json, list, type Recorded } from '../vivre/fake-vivre';
import { GMAIL_TAB, startWorker } from '../harness';
import { heldSendsAt } from './held-sends-clock';

const START = Date.UTC(2026, 11, 5, 9, 30);
const DAY = 24 * 60 * 60 * 1000;

const scheduledAt = (commitAt: number, scheduled = true): HeldSend => ({
  plan: {
    note: 'Quote',
    log: [{ contactId: 'cnt_1', dealId: null }],
    add: [],
    loggedFor: ['a@b.example'],
  },
  connection: { baseUrl: 'https://api.vivre.test/v1', workspaceId: 'ws_demo', keyFingerprint: 'f' },
  commitAt,
  ...(scheduled ? { scheduled } : {}),
});

describe('a scheduled send held in the worker', () => {
  it('waits past the Undo window until its time, then the alarm logs it once', async () => {
    const { held, clock, committed } = heldSendsAt(START);
    const at = START + 3 * DAY;
    expect(await held.hold('draft-1', scheduledAt(at))).toBe(at);
    expect(clock.wakeAt).toBe(at);

    clock.now = START + MAX_HOLD_MS + 1;
    await held.commitDue();
    expect(committed).toEqual([]);

    clock.now = at;
    await held.commitDue();
    await held.commitDue();
    expect(committed).toHaveLength(1);
    expect(clock.wakeAt).toBeNull();
  });

  it('cannot be settled as sent before its time: the tab may only drop it', async () => {
    const { held, clock, committed, stored } = heldSendsAt(START);
    await held.hold('draft-2', scheduledAt(START + DAY));
    expect(await held.settle('draft-2', 'sent')).toBeNull();
    expect(Object.keys(stored())).toEqual(['draft-2']);

    expect(await held.settle('draft-2', 'undone')).toMatchObject({ loggedAt: null });
    clock.now = START + 2 * DAY;
    await held.commitDue();
    expect(committed).toEqual([]);
    expect(stored()).toEqual({});
  });

  it('is never logged sooner than a sent one, and refused beyond the horizon', async () => {
    const { held, stored } = heldSendsAt(START);
    expect(await held.hold('soon', scheduledAt(START + 1_000))).toBe(START + MAX_HOLD_MS);
    expect(await held.hold('past', scheduledAt(START - DAY))).toBe(START + MAX_HOLD_MS);
    await expect(held.hold('far', scheduledAt(START + MAX_SCHEDULE_MS + 1))).rejects.toMatchObject({
      kind: 'validation',
      message: TOO_FAR_MESSAGE,
    });
    expect(await held.hold('edge', scheduledAt(START + MAX_SCHEDULE_MS))).toBe(
      START + MAX_SCHEDULE_MS,
    );
    expect(Object.keys(stored()).sort()).toEqual(['edge', 'past', 'soon']);
  });

  it('counts towards the same cap as sent ones', async () => {
    const { held } = heldSendsAt(START);
    for (let i = 0; i < MAX_HELD_SENDS; i++) await held.hold(`s${i}`, scheduledAt(START + DAY));
    await expect(held.hold('one-more', scheduledAt(START + 40_000, false))).rejects.toMatchObject({
      message: TOO_MANY_HELD_MESSAGE,
    });
  });
});

describe('holdEmailLog with a schedule, in the worker', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  const vivre = (req: Recorded) =>
    req.url.pathname.endsWith('/contacts')
      ? json(200, list([{ ...CONTACT, email: 'sneha@buyer.example' }]))
      : json(200, list([]));
  const email: EmailToLog = {
    people: [{ email: 'sneha@buyer.example', name: 'Sneha' }],
    signedInEmail: 'meera.rep@seller.example',
    subject: 'Quote',
    bodyText: 'Attached.',
  };

  it('reads the time from the rep’s choice and answers it; unreadable words hold nothing', async () => {
    const started = startWorker(vivre);
    close = () => started.worker.outbox.close();
    const day = new Date(Date.now() + 3 * DAY);
    const words = `${new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' }).format(day)}, 9:00 AM`;
    const expected = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 9).getTime();
    const commitAt = Date.now() + 35_000;
    const held = await started.ask(
      'holdEmailLog',
      { sendId: 'draft-9', commitAt, email, scheduled: { words, lang: 'en' } },
      GMAIL_TAB,
    );
    expect(held).toEqual({ ok: true, value: expected });

    const unread = await started.ask(
      'holdEmailLog',
      { sendId: 'draft-10', commitAt, email, scheduled: { words: 'Pick date & time', lang: 'en' } },
      GMAIL_TAB,
    );
    expect(unread).toMatchObject({ ok: false, error: { message: SCHEDULE_UNREAD_MESSAGE } });
    expect(
      await started.ask('settleEmailLog', { sendId: 'draft-10', outcome: 'undone' }, GMAIL_TAB),
    ).toEqual({ ok: true, value: null });
  });
});
