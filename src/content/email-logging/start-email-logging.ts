/**
 * Email logging in the Gmail content script: the "Log to Vivre" toggle and exactly-once logging
 * of sent composes, and "Log this email" on thread messages. Call `scan()` after each page change
 * (the overlay's watcher does, so the page keeps one observer); everything goes with `signal`.
 *
 *   const logging = startEmailLogging({ document, signal: ctx.signal, ask });
 *   startOverlay({ ..., onScan: logging.scan });
 */
import { findComposes, listenForSendIntents } from '../gmail/compose';
import { detectTheme, findSignedInEmail } from '../gmail/page';
import type { Ask } from '../../shared/messaging/messenger';
import { createComposeLogging } from './compose-logging';
import { createLookupStore, type LookupStore } from '../chips/lookup-store';
import { createPrefs, type LoggingContext } from './logging-context';
import { createMessageLogging } from './message-logging';

export interface EmailLoggingOptions {
  document: Document;
  signal: AbortSignal;
  ask: Ask;
  /** The page's lookup store, shared with the chips (a fresh one when omitted). */
  store?: LookupStore;
  now?: () => number;
}

export function startEmailLogging(options: EmailLoggingOptions) {
  const { document: doc, signal, ask } = options;
  const prefs = createPrefs(ask);
  const signedIn = () => findSignedInEmail(doc);
  const context: LoggingContext = {
    doc,
    ask,
    prefs: prefs.get,
    reloadPrefs: prefs.reload,
    emailTextAllowed: prefs.emailTextAllowed,
    signedIn,
    theme: () => detectTheme(doc),
    lookups: options.store ?? createLookupStore(ask),
    ...(options.now ? { now: options.now } : {}),
  };
  const composes = createComposeLogging(context);
  const messages = createMessageLogging(context);

  function scan() {
    if (signal.aborted) return;
    composes.sync(findComposes(doc));
    messages.sync();
  }

  listenForSendIntents({ doc, signal, onIntent: (compose) => composes.intent(compose) });
  signal.addEventListener(
    'abort',
    () => {
      composes.destroy();
      messages.destroy();
    },
    { once: true },
  );
  // Preferences first, so a compose already open starts from the rep's default.
  const ready = prefs.reload().then(scan);
  return { scan, ready, settled: composes.settled };
}
