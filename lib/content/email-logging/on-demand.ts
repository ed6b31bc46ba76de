/**
 * Loads the email-logging controls (entrypoints/email-logging.content/) the first time this frame
 * shows a compose or an expanded message: most Gmail tabs spend their day in lists and never need
 * them, and with them go Preact and about a quarter of the content script (bench/sizes.ts).
 * The worker injects the script into this frame only (lib/worker/email-logging/inject-controls.ts);
 * it meets this one through ./bridge.ts. Until then scans cost one look for a compose or message.
 */
import type { Ask } from '../../shared/messaging/messenger';
import type { LookupStore } from '../lookups/lookup-store';
import { findComposes } from '../gmail/compose';
import { findExpandedMessages } from '../gmail/message';
import { offerBridge, type LoadedEmailLogging } from './bridge';

export interface OnDemandOptions {
  document: Document;
  signal: AbortSignal;
  ask: Ask;
  store: LookupStore;
}

export function emailLoggingOnDemand(options: OnDemandOptions) {
  const { document: doc, signal, ask } = options;
  let logging: LoadedEmailLogging | null = null;
  let asked = false;
  let failed = false;

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
    /** After each scan of the chips' page watcher. */
    scan() {
      if (logging) return logging.scan();
      if (!asked && !signal.aborted && needed()) load();
    },
    navigated() {
      if (logging) return logging.navigated();
      if (failed) asked = failed = false;
      if (!asked && !signal.aborted && needed()) load();
    },
  };
}
