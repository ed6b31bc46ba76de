import { isWorthScanning, noteChange, newGmailChange, type GmailChange } from './changed-roots';
import { findNotificationBars } from './page';
import { RECIPIENT_FIELD } from './selectors';

interface WatchGmailOptions {
  /** Usually `document`; anything whose subtree holds Gmail's threads and compose windows. */
  root: Node;
  /** Aborting it disconnects the observer and cancels a pending run. */
  signal: AbortSignal;
  /**
   * Called once per burst of changes worth reading (`isWorthScanning`), at idle (a burst that
   * shows people: at the next frame), with where the burst changed something detection reads
   * (see `GmailChange`): re-scan only `change.roots`, so the work follows the change, not the
   * size of the page. Churn that shows no people is never reported.
   */
  onChange: (change: GmailChange) => void;
  /** The longest a burst waits for idle time, in ms. */
  idleTimeout?: number;
  /**
   * A burst that shows people runs at once, at the end of the task that made it (the observer's
   * callback), at most once a frame; later ones in the same frame wait for the next frame. Off:
   * every such burst waits for the next frame.
   */
  atOnce?: boolean;
}

// The attributes detection reads. Inline styles change constantly (animations, scrolling) and are
// left out on purpose: Gmail adds or replaces nodes when a message or compose opens.
const WATCHED_ATTRIBUTES = [
  'email',
  'name',
  'data-hovercard-id',
  'data-name',
  'data-message-id',
  'hidden',
];

/**
 * A burst that finds no idle time still runs within this many ms. On a busy new tab 100 ms
 * left ~105 ms before the first chip appeared in `npm run bench`; 40 ms brings it to ~64 ms.
 * With incremental scanning a run costs under a millisecond, and the extra runs this allows
 * did not move the main-thread benchmark beyond its noise.
 */
export const BURST_IDLE_TIMEOUT_MS = 40;

/**
 * One MutationObserver for the whole page. A burst of mutations (Gmail renders a thread in several
 * tasks) leads to one `onChange` call when the browser is idle; a burst that shows people runs
 * sooner (`atOnce`, else the next frame), since chips then appear with what Gmail drew. Changes made
 * by our own hosts (`[data-vivre-host]`: inserting a chip, rendering into it) are ignored, so
 * mounting chips in `onChange` does not trigger another run. No polling.
 *
 * Each record is classified as it arrives (a few `closest`/`matches` calls, never a query of the
 * page): the burst's `GmailChange` names the messages and recipient fields it touched.
 *
 * It does not run `onChange` at start: scan once yourself when the content script starts.
 */
export function watchGmail({
  root,
  signal,
  onChange,
  idleTimeout = BURST_IDLE_TIMEOUT_MS,
  atOnce = false,
}: WatchGmailOptions): void {
  if (signal.aborted) return;
  const cancelRun = { current: noop };
  let burst: GmailChange | null = null;

  // A burst that shows people runs on the next frame as well as at idle, whichever comes first:
  // chips then appear in the frame after Gmail's rows or headers, not up to 40 ms later.
  let cancelFrame: (() => void) | null = null;
  const run = () => {
    const change = burst;
    burst = null;
    cancelRun.current();
    cancelRun.current = noop;
    cancelFrame?.();
    cancelFrame = null;
    if (change && !signal.aborted) onChange(change);
  };
  const runNextFrame = () => {
    if (cancelFrame || typeof requestAnimationFrame !== 'function') return;
    const handle = requestAnimationFrame(run);
    cancelFrame = () => cancelAnimationFrame(handle);
  };
  const pendingBurst = (): GmailChange => (burst ??= newGmailChange());
  const runAtIdle = () => {
    if (cancelRun.current !== noop) return;
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(run, { timeout: idleTimeout });
      cancelRun.current = () => cancelIdleCallback(handle);
    } else {
      const handle = setTimeout(run, Math.min(idleTimeout, 50));
      cancelRun.current = () => clearTimeout(handle);
    }
  };

  // Drawing at once puts chips into the frame Gmail is drawing: Gmail's rows or headers and our
  // hosts are styled, laid out and painted once, together, instead of Gmail's in one frame and
  // ours (another layout) in the next. Once a frame, so Gmail building a view over several
  // tasks costs one run at once and one at the frame, not one per task. A burst run at once
  // asks for no idle callback: scheduling one cost more than the run in the inbox profile.
  let ranThisFrame = false;
  /** Returns whether the burst ran at once. */
  const schedule = (): boolean => {
    // Churn that shows no people (rows' times and states, loading bodies) asks for nothing, not
    // even an idle callback: it is kept until a change worth reading joins it.
    if (!burst || !isWorthScanning(burst)) return false;
    const showsPeople = burst.roots.size > 0 || burst.rows.size > 0;
    const canDrawNow = typeof requestAnimationFrame === 'function';
    if (showsPeople && atOnce && !ranThisFrame && canDrawNow) {
      ranThisFrame = true;
      requestAnimationFrame(() => (ranThisFrame = false));
      run();
      return true;
    }
    runAtIdle();
    if (showsPeople) runNextFrame();
    return false;
  };

  const observer = new MutationObserver((records) => {
    if (signal.aborted) return;
    const walked = new Map<Element, Element | null>();
    for (const record of records) noteChange(record, pendingBurst, walked);
    // A burst run at once, in this callback, queued records of its own hosts: in a list view two
    // for every row Gmail adds, each delivered in a callback of its own only to be dropped. They
    // are taken here instead, and dropped at once as ours. Not unread: page script can still
    // run while we insert (a custom element the page defined under our tag name), and what it
    // changed then is Gmail's page changing, to be read like any other burst.
    if (schedule()) {
      const fresh = new Map<Element, Element | null>(); // the page changed since `walked`
      for (const record of observer.takeRecords()) noteChange(record, pendingBurst, fresh);
      schedule();
    }
  });
  observer.observe(root, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: WATCHED_ATTRIBUTES,
  });
  // Typing an address changes an input's value, which is no DOM mutation.
  root.addEventListener(
    'input',
    (event) => {
      const field = recipientFieldOf(event.target);
      if (!field || signal.aborted) return;
      pendingBurst().roots.add(field.parentElement ?? field);
      schedule();
    },
    { capture: true, signal },
  );
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      cancelRun.current();
      cancelFrame?.();
      burst = null;
    },
    { once: true },
  );
}

function noop() {}

function recipientFieldOf(target: EventTarget | null): Element | null {
  return (target as Element | null)?.closest?.(RECIPIENT_FIELD) ?? null;
}

/**
 * While `signal` lives, calls `onChange` after any change inside Gmail's notification bars, their
 * inline styles included: Gmail withdraws a spent Undo link with `visibility: hidden`, which the
 * page watcher (no style attributes, on purpose) does not see. Watches a few small elements only,
 * and only while a send can be undone; `refresh()` follows bars Gmail has replaced.
 */
export function watchNotificationBars(doc: Document, signal: AbortSignal, onChange: () => void) {
  const observer = new MutationObserver(() => {
    if (!signal.aborted) onChange();
  });
  let watched: Element[] = [];
  const refresh = () => {
    const bars = findNotificationBars(doc);
    if (bars.length === watched.length && bars.every((bar, i) => bar === watched[i])) return;
    observer.disconnect();
    watched = bars;
    for (const bar of bars) {
      observer.observe(bar.parentElement ?? bar, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['style', 'hidden', 'class', 'param'],
      });
    }
  };
  refresh();
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  return { refresh };
}
