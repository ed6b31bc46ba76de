/**
 * Loads the email-logging controls (entrypoints/email-logging.content/) the first time this frame
 * shows a compose or an expanded message: most Gmail tabs spend their day in lists and never need
 * them, and with them go Preact and about a quarter of the content script (bench/sizes.ts).
 * The worker injects the script into this frame only (lib/worker/email-logging/inject-controls.ts);
 * it meets this one through ./bridge.ts. Until then a scan costs one look for a compose or message,
 * and only after a burst that can have shown one.
 */
import type { Ask } from '../../shared/messaging/messenger';
import type { GmailChange } from '../gmail/changed-roots';
import type { LookupStore } from '../lookups/lookup-store';
import { findComposes } from '../gmail/compose';
import { findExpandedMessages } from '../gmail/message';
import { offerBridge, type LoadedEmailLogging } from './bridge';
import type { WatchNearViewport } from '../near-viewport';

export interface OnDemandOptions {
  document: Document;
  signal: AbortSignal;
  ask: Ask;
  store: LookupStore;
  /** Handed over to the controls with the rest (./bridge.ts). */
  watchNear: WatchNearViewport;
}

export function emailLoggingOnDemand(options: OnDemandOptions) {
  const { document: doc, signal, ask } = options;
  let logging: LoadedEmailLogging | null = null;
  let asked = false;
  let failed = false;
  // Whether a change since the last scan can have shown a compose or an expanded message.
  let mayShowView = true;

  const needed = () => findComposes(doc).length > 0 || findExpandedMessages(doc).length > 0;

  function load() {
    asked = true;
    offerBridge({
      options,
      attach(started) {
        if (!signal.aborted) logging = started;
      },
    });
    void ask('loadEmailLogging').then((answer) => {
      // Not injected (a worker restarting, say): the next navigation tries again, not every scan.
      failed = !answer.ok && !logging;
    });
  }

  return {
    /**
     * What the chips' page watcher read (undefined: the whole page). Rows Gmail added whole and
     * nodes it removed never show a compose or a message: in a list view that is nearly every
     * burst, and looking through the page after each cost more than the rows' chips.
     */
    changed(change?: GmailChange) {
      if (!change || change.roots.size > 0) mayShowView = true;
    },
    /** After the chips' scans, once the browser is idle. */
    scan() {
      if (logging) return logging.scan();
      const look = mayShowView;
      mayShowView = false;
      if (look && !asked && !signal.aborted && needed()) load();
    },
    navigated() {
      if (logging) return logging.navigated();
      if (failed) asked = failed = false;
      if (!asked && !signal.aborted && needed()) load();
    },
  };
}
