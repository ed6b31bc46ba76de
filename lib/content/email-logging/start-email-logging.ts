/**
 * Email logging in the Gmail content script: the "Log to Vivre" toggle and exactly-once logging
 * of sent composes (held through Gmail's Undo window), and "Log this email" on thread messages.
 * Call `scan()` after each page change (the chips' watcher does, so the page keeps one
 * observer); everything goes with `signal`. In Gmail it runs in the script injected on demand
 * (entrypoints/email-logging.content/), started with what ./bridge.ts hands over.
 *
 *   const logging = startEmailLogging({ document, signal: lifetime, ask, store });
 *   startChips({ ..., onScan: logging.scan });
 */
import { findComposes, listenForSendIntents } from '../gmail/compose';
import { detectTheme, findOfferedUndo, findSignedInEmail, undoLinkOf } from '../gmail/page';
import type { Ask } from '../../shared/messaging/messenger';
import { createComposeLogging } from './compose-logging';
import type { LookupStore } from '../lookups/lookup-store';
import { createPrefs, type LoggingContext } from './logging-context';
import { createMessageLogging } from './message-logging';
import type { WatchNearViewport } from '../near-viewport';
import { createUndoWindow } from './undo-window';
import { createHeldSendLine } from './held-send-line';
import { watchNotificationBars } from '../gmail/watch';

export interface EmailLoggingOptions {
  document: Document;
  signal: AbortSignal;
  ask: Ask;
  /**
   * The page's lookup store, shared with the chips: handed over, never made here, so the script
   * injected on demand (./on-demand.ts) carries no second copy of it.
   */
  store: LookupStore;
  now?: () => number;
  /**
   * Which messages are near the viewport, so only theirs get "Log this email" (../near-viewport.ts
   * says why): the chips' own, handed over like the store, so a message they both wait for is
   * observed once. Tests without layout pass `everyElementNear`.
   */
  watchNear: WatchNearViewport;
}

export function startEmailLogging(options: EmailLoggingOptions) {
  const { document: doc, signal, ask } = options;
  const now = options.now ?? Date.now;
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
    lookups: options.store,
    ...(options.now ? { now: options.now } : {}),
  };
  const line = createHeldSendLine(context);
  let bars: { stop: AbortController; refresh(): void } | null = null;
  const undoWindow = createUndoWindow({
    ask,
    offeredUndo: () => findOfferedUndo(doc),
    now,
    wakeAt(at, check) {
      const timer = setTimeout(check, Math.max(0, at - now()));
      return () => clearTimeout(timer);
    },
    watching(active) {
      if (active && !bars) {
        const stop = new AbortController();
        signal.addEventListener('abort', () => stop.abort(), { once: true });
        bars = { stop, ...watchNotificationBars(doc, stop.signal, () => undoWindow.check()) };
      } else if (!active && bars) {
        bars.stop.abort();
        bars = null;
      }
    },
    show: line.show,
    undone: (draftId) => composes.undone(draftId),
  });
  const composes = createComposeLogging(context, undoWindow);
  const messages = createMessageLogging(context, options.watchNear);

  function scan() {
    if (signal.aborted || !prefs.connected()) return;
    composes.sync(findComposes(doc));
    messages.sync();
    bars?.refresh();
    undoWindow.check();
  }

  listenForSendIntents({
    doc,
    signal,
    onIntent: (compose) => composes.intent(compose),
    onSchedule: (compose, words) => composes.schedule(compose, words),
  });
  // The rep's Undo: Gmail's Undo link clicked or pressed (in the capture phase, before Gmail
  // removes it), or z, Gmail's undo key. Never page script's: a click it dispatches is untrusted.
  const onUndo = (event: Event) => {
    const key = (event as KeyboardEvent).key;
    if (!event.isTrusted) return;
    if (event.type === 'click') undoWindow.repClicked();
    if (key === 'z') return undoWindow.undoKeyPressed();
    if (event.type === 'keydown' && key !== 'Enter' && key !== ' ') return;
    const link = undoLinkOf(event.target);
    if (link) undoWindow.undoClicked(link);
  };
  doc.addEventListener('click', onUndo, { capture: true, signal });
  doc.addEventListener('keydown', onUndo, { capture: true, signal });
  signal.addEventListener(
    'abort',
    () => {
      composes.destroy();
      messages.destroy();
      undoWindow.destroy();
      line.destroy();
    },
    { once: true },
  );
  // Preferences first, so a compose already open starts from the rep's default.
  const ready = prefs.reload().then(scan);
  const settled = async () => {
    await composes.settled();
    await undoWindow.settled();
  };
  /** After Gmail navigates: a rep who connected Vivre since this tab opened gets logging now. */
  const navigated = () => {
    if (!prefs.connected()) void prefs.reload().then(scan);
  };
  return { scan, ready, settled, navigated };
}
