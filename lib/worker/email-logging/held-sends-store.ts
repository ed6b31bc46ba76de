/**
 * Where held sends live between the Gmail tab and the alarm: the worker's own storage (survives
 * the worker and the browser being stopped; no content script can add a send to it) and one
 * chrome.alarms alarm at the earliest commit time.
 */
import { browser } from 'wxt/browser';
import { HELD_EMAIL_LOGS } from '../../shared/storage/table';
import { MIN_ALARM_DELAY_MS } from '../outbox/wake-alarm';
import { workerItem } from '../storage/items';
import type { HeldSend, HeldSendsDeps } from './held-sends';

export const HELD_SENDS_ALARM = 'vivre-held-sends';

/**
 * Sends held by an earlier version (in storage.local) are removed, not adopted: they carry the
 * email but no plan and no connection, and logging one into whatever workspace is active now is
 * what holding the connection prevents. Each was at most 35 s from being logged.
 */
const heldEmailLogsItem = workerItem<Record<string, HeldSend>>(HELD_EMAIL_LOGS, {
  adopt: () => undefined,
});

export const heldSendsStore: HeldSendsDeps['store'] = {
  get: () => heldEmailLogsItem.getValue(),
  set: (held) => heldEmailLogsItem.setValue(held),
};

/** Chrome runs an alarm no sooner than 30 s ahead; the Gmail tab settles sooner when it is open. */
export async function wakeForHeldSends(at: number | null): Promise<void> {
  if (at === null) await browser.alarms.clear(HELD_SENDS_ALARM);
  else {
    const when = Math.max(at, Date.now() + MIN_ALARM_DELAY_MS);
    await browser.alarms.create(HELD_SENDS_ALARM, { when });
  }
}
