import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { badgeText, showOutboxBadge } from '@/lib/worker/outbox/badge';
import { stateAfter } from '@/lib/worker/connection';
import { appUrlFor } from '@/lib/worker/status';
import { createWakeAlarm, FLUSH_ALARM, MIN_ALARM_DELAY_MS } from '@/lib/worker/outbox/wake-alarm';
import { VivreError } from '@/lib/worker/vivre/errors';

beforeEach(() => fakeBrowser.reset());

const counts = (waiting: number, attention = 0, paused = false) => ({
  waiting,
  attention,
  paused,
  nextWakeAt: null,
});

describe('badge', () => {
  it('counts waiting writes, and flags writes that need the rep', async () => {
    expect(badgeText(counts(0))).toBe('');
    expect(badgeText(counts(3))).toBe('3');
    expect(badgeText(counts(1200))).toBe('999+');
    expect(badgeText(counts(0, 2))).toBe('!');
    expect(badgeText(counts(0, 0, true))).toBe('!');
    await showOutboxBadge(counts(2, 1));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
  });
});

describe('wake alarm', () => {
  it('wakes the worker when the outbox is next due, never sooner than Chrome allows', async () => {
    const now = 1_000_000;
    const alarm = createWakeAlarm(() => now);
    await alarm.schedule(now + 5_000);
    expect((await fakeBrowser.alarms.get(FLUSH_ALARM))?.scheduledTime).toBe(
      now + MIN_ALARM_DELAY_MS,
    );
    await alarm.schedule(now + 10 * 60_000);
    expect((await fakeBrowser.alarms.get(FLUSH_ALARM))?.scheduledTime).toBe(now + 10 * 60_000);
    await alarm.schedule(null);
    expect(await fakeBrowser.alarms.get(FLUSH_ALARM)).toBeUndefined();
  });
});

describe('connection state', () => {
  const error = (kind: VivreError['kind']) => new VivreError({ kind, message: 'x' });
  it('follows failures about the connection, not about one record', () => {
    expect(stateAfter(null, 'offline')).toBe('ok');
    expect(stateAfter(error('unauthorized'), 'ok')).toBe('unauthorized');
    expect(stateAfter(error('offline'), 'ok')).toBe('offline');
    expect(stateAfter(error('server'), 'ok')).toBe('unknown');
    expect(stateAfter(error('not_found'), 'ok')).toBe('ok');
    expect(stateAfter(error('validation'), 'offline')).toBe('ok');
  });
});

describe('app URL', () => {
  it('puts "Open in Vivre" beside the API', () => {
    expect(appUrlFor('https://api.vivre.app/v1')).toBe('https://app.vivre.app');
    expect(appUrlFor('http://127.0.0.1:8787/v1')).toBe('http://127.0.0.1:8787');
    expect(appUrlFor('nonsense')).toBeNull();
  });
});
