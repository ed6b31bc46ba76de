/**
 * Chrome stops an idle worker after ~30 s, taking the outbox's own timers with it.
 * A chrome.alarms alarm at the outbox's next due time wakes the worker to flush.
 * Chrome runs alarms no more often than every 30 s, so nothing is gained asking sooner.
 */
import { browser } from 'wxt/browser';

export const FLUSH_ALARM = 'vivre-outbox-flush';
export const MIN_ALARM_DELAY_MS = 30_000;

export function createWakeAlarm(now: () => number = Date.now) {
  let scheduled: number | null | undefined;

  return {
    async schedule(nextWakeAt: number | null): Promise<void> {
      const when = nextWakeAt === null ? null : Math.max(nextWakeAt, now() + MIN_ALARM_DELAY_MS);
      // onChange fires after every item; only touch the alarm when the answer moved.
      if (when === scheduled || (when !== null && scheduled && Math.abs(when - scheduled) < 1000))
        return;
      scheduled = when;
      if (when === null) await browser.alarms.clear(FLUSH_ALARM);
      else await browser.alarms.create(FLUSH_ALARM, { when });
    },
  };
}
