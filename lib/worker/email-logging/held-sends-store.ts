/**
 * Where held sends live between the Gmail tab and the alarm: the worker's own storage (survives
 * the worker and the browser being stopped; no content script can add a send to it) and one
 * chrome.alarms alarm at the earliest commit time.
 */
import { browser } from 'wxt/browser';
import { HELD_EMAIL_LOGS } from '../../shared/storage/table';
import { MIN_ALARM_DELAY_MS } from '../outbox/wake-alarm';
import { workerItem } from '../storage/items';
import type { HeldSendsDeps } from './held-sends';

const heldEmailLogsItem = workerItem(HELD_EMAIL_LOGS);

export const HELD_SENDS_ALARM = 'vivre-held-sends';

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
