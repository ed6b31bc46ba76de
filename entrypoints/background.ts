import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { registerWorkerRouter } from '../lib/worker/router';
import { createWorker } from '../lib/worker/create-worker';
import { FLUSH_ALARM } from '../lib/worker/outbox/wake-alarm';
import { HELD_SENDS_ALARM } from '../lib/worker/email-logging/held-sends-store';
import { onPanelCommand, type SidePanelApi } from '../lib/worker/panel-command';

export default defineBackground(() => {
  const worker = createWorker();
  // MV3: every listener is registered synchronously, in the first turn of the worker,
  // or Chrome will not wake it for the event.
  registerWorkerRouter(worker.handlers, {
    id: browser.runtime.id,
    root: browser.runtime.getURL('/'),
  });
  browser.runtime.onInstalled.addListener(({ reason }) => void worker.installed(reason));
  // Chrome's panel shortcut (Firefox opens its sidebar for the command itself); `sidePanel` is
  // Chrome's own, which the polyfill passes through.
  const sidePanel = (browser as unknown as { sidePanel?: SidePanelApi }).sidePanel;
  if (sidePanel) {
    browser.commands.onCommand.addListener((command, tab) =>
      onPanelCommand(sidePanel, command, tab),
    );
  }
  // An admin changed the organisation's policy (Chrome applies it live; Firefox at start-up).
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void worker.policyChanged();
  });
  // Firefox's data-collection consent withdrawn (Chrome has none: it never fires so there).
  browser.permissions.onRemoved.addListener(
    (removed) => void worker.permissionsRemoved(removed as { data_collection?: string[] }),
  );
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FLUSH_ALARM) void worker.outbox.flushOutbox();
    if (alarm.name === HELD_SENDS_ALARM) void worker.heldSends.commitDue();
  });
  // Back online while the worker runs: writes held offline go now, whatever backoff built up.
  globalThis.addEventListener?.('online', () => void worker.outbox.networkBack());
  void worker.start();
});
