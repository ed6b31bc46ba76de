/**
 * A sent email between Gmail's "Message sent · Undo" and the end of its Undo window, in this tab.
 *
 * Where the pending log lives: in the worker (lib/worker/email-logging/held-sends.ts), not here.
 * A send is handed over the moment it counts as sent (`holdEmailLog`, with a commit time past
 * Gmail's longest window), so closing or reloading the tab inside the window loses nothing: the
 * worker's alarm logs it. This tab only settles it sooner, and tells the rep meanwhile:
 *  - undone: the rep clicked Gmail's Undo link for this send (by Gmail's id, any language), or
 *    asked Gmail to undo (that link, or its z key) and the same draft came back open (what Undo
 *    does) → nothing is logged. Only the rep's own input counts (start-email-logging.ts hears
 *    trusted events only): page script can click the link and put the draft back itself;
 *  - sent: the Undo link we saw for this send was withdrawn, its notice replaced by a later one,
 *    or Gmail's longest window (30 s) has passed → logged now, once.
 * A notice is this send's by its Undo link: the element, or the thread id Gmail puts in its
 * `param`, so an "archived · Undo" notice that follows is never taken for it.
 */
import type { Ask } from '../../shared/messaging/messenger';
import type { EmailToLog } from '../../shared/messaging/protocol';
import type { HeldSendView } from '../../../components/gmail/HeldSendLine';

/** Gmail's longest Undo Send window (30 s), and a margin for a slow notice. */
export const UNDO_WINDOW_MAX_MS = 35_000;

export type { HeldSendView };

export interface UndoWindowDeps {
  ask: Ask;
  /** The Undo link a shown notice offers now, or null (page.ts). */
  offeredUndo(): Element | null;
  now(): number;
  /** Calls `check` again at `at` (epoch ms); returns a cancel. */
  wakeAt(at: number, check: () => void): () => void;
  /** While true, every change to Gmail's notification bar should call `check`. */
  watching(active: boolean): void;
  /** What the rep sees: the newest send's state, or nothing. */
  show(view: HeldSendView | null): void;
  /** A send was undone: its draft may be sent again. */
  undone(draftId: string | null): void;
}

interface Undo {
  link: Element;
  param: string;
}

interface Held {
  sendId: string;
  draftId: string | null;
  sentAt: number;
  whom: string[] | null;
  /** The Undo link offered when the send began (another notice's), never this send's. */
  before: Undo | null;
  /** The Undo link first offered after this send. */
  undo: Undo | null;
  cancelWake: () => void;
}

const undoOf = (link: Element | null): Undo | null =>
  link ? { link, param: link.getAttribute('param') ?? '' } : null;

/** The same notice's link: by Gmail's `param` (the thread it undoes) when both have one. */
function sameUndo(known: Undo | null, link: Element | null): boolean {
  if (!known || !link) return false;
  const param = link.getAttribute('param') ?? '';
  return known.param !== '' && param !== '' ? known.param === param : known.link === link;
}

export function createUndoWindow(deps: UndoWindowDeps) {
  const held: Held[] = [];
  // An Undo clicked while the worker was still taking the send: settled once it has.
  let earlyUndo: { link: Element; at: number } | null = null;
  // When the rep last asked Gmail to undo (its Undo link, or z): a draft back after that is undone.
  let undoAskedAt = -Infinity;
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
    return work;
  };

  function remove(entry: Held) {
    entry.cancelWake();
    held.splice(held.indexOf(entry), 1);
    if (held.length === 0) deps.watching(false);
  }

  async function settle(entry: Held, outcome: 'sent' | 'undone') {
    remove(entry);
    if (outcome === 'undone') deps.undone(entry.draftId);
    const answer = await deps.ask('settleEmailLog', { sendId: entry.sendId, outcome });
    if (held.length > 0) return; // a newer send is what the rep sees now
    if (outcome === 'undone') return deps.show({ state: 'undone' });
    if (!answer.ok) return deps.show({ state: 'failed', message: answer.error.message });
    const result = answer.value;
    // null: the worker's alarm logged it first; a reason: nobody on it could be logged for.
    if (result && result.loggedAt === null) {
      return deps.show({ state: 'failed', message: result.reason ?? 'Not logged.' });
    }
    deps.show({ state: 'logged', whom: entry.whom });
  }

  /** A link first offered after the newest send, claimed by no other: that send's notice. */
  function adopt(newest: Held | undefined, link: Element | null) {
    if (!newest || newest.undo || !link || sameUndo(newest.before, link)) return;
    if (held.some((other) => sameUndo(other.undo, link))) return;
    newest.undo = undoOf(link);
  }

  function check() {
    const link = deps.offeredUndo();
    const newest = held.at(-1);
    adopt(newest, link);
    for (const entry of [...held]) {
      const withdrawn = entry.undo !== null && !sameUndo(entry.undo, link);
      const replaced = entry !== newest && newest?.undo !== null;
      const passed = deps.now() - entry.sentAt >= UNDO_WINDOW_MAX_MS;
      if (withdrawn || replaced || passed) void track(settle(entry, 'sent'));
    }
  }

  return {
    /**
     * A compose was sent: hand it to the worker to hold, and promise the rep its log. `before`:
     * the Undo link offered when the rep pressed Send, another notice's; null when unknown.
     */
    async hold(
      email: EmailToLog,
      draftId: string | null,
      whom: string[] | null,
      before: Element | null,
    ): Promise<void> {
      const sendId = draftId ?? `send-${crypto.randomUUID()}`;
      const sentAt = deps.now();
      const commitAt = sentAt + UNDO_WINDOW_MAX_MS;
      const answer = await track(deps.ask('holdEmailLog', { sendId, commitAt, email }));
      if (!answer.ok) return deps.show({ state: 'failed', message: answer.error.message });
      const entry: Held = {
        sendId,
        draftId,
        sentAt,
        whom,
        before: undoOf(before),
        undo: null,
        cancelWake: () => {},
      };
      entry.cancelWake = deps.wakeAt(commitAt, check);
      held.push(entry);
      deps.watching(true);
      deps.show({ state: 'held', whom });
      const early = earlyUndo;
      earlyUndo = null;
      if (early && early.at >= sentAt && !sameUndo(entry.before, early.link)) {
        return void (await track(settle(entry, 'undone')));
      }
      check();
    },

    /** After each change to the page or the notification bar. */
    check,

    /** The rep clicked (or pressed Enter on) Gmail's Undo link. */
    undoClicked(link: Element) {
      undoAskedAt = deps.now();
      const entry = held.find((candidate) => sameUndo(candidate.undo, link));
      if (entry) void track(settle(entry, 'undone'));
      else earlyUndo = { link, at: deps.now() };
    },

    /** The rep pressed z, Gmail's undo key: the draft of a held send may come back. */
    undoKeyPressed() {
      undoAskedAt = deps.now();
    },

    /** A compose of this draft is open again: after the rep asked, Gmail's Undo put it back. */
    reopened(draftId: string) {
      const entry = held.find((candidate) => candidate.draftId === draftId);
      if (entry && undoAskedAt >= entry.sentAt) void track(settle(entry, 'undone'));
    },

    /** Whether a send of this draft is being held. */
    holds: (draftId: string | null) =>
      draftId !== null && held.some((entry) => entry.draftId === draftId),

    settled: () => Promise.all([...inFlight]).then(() => undefined),

    /** The tab goes: the worker keeps every held send and logs it when its time comes. */
    destroy() {
      for (const entry of [...held]) remove(entry);
    },
  };
}
