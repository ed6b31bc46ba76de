/**
 * Sent emails held through Gmail's Undo Send window (5 to 30 s, the rep's setting), so a send the
 * rep undoes logs nothing and a send that stands logs exactly once.
 *
 * Why here and not in the Gmail tab: the tab can close, reload or navigate away inside the window,
 * and a send that stood must still be logged. The worker is the one durable place: a held send is
 * written to storage.local before the tab is told it is held, and an alarm at its commit time
 * wakes the worker to log it even when no tab is left (and the worker's start-up logs any held
 * send whose time passed while the browser was closed). The tab settles it sooner: "undone" when
 * the rep clicks Undo (dropped, nothing logged), "sent" once Gmail withdraws the Undo link (logged
 * at once). Whichever comes first wins; the held send is taken out of storage before it is
 * logged, so a late second signal finds nothing and nothing is logged twice.
 */
import type { EmailLogResult, EmailToLog } from '../../shared/messaging/protocol';

export interface HeldSend {
  email: EmailToLog;
  /** When it is logged if nothing settles it first (epoch ms). */
  commitAt: number;
}

export interface HeldSendsDeps {
  store: {
    get(): Promise<Record<string, HeldSend>>;
    set(held: Record<string, HeldSend>): Promise<void>;
  };
  /** Logs a send that stood (the worker's email logger, with its checks). */
  log(email: EmailToLog): Promise<EmailLogResult>;
  /** Wakes the worker at `at` (epoch ms), or cancels the wake-up (null). */
  wakeAt(at: number | null): Promise<void>;
  now?: () => number;
}

export const UNDONE: EmailLogResult = {
  loggedFor: [],
  loggedAt: null,
  reason: 'Not logged: sending was undone.',
};

export function createHeldSends({ store, log, wakeAt, now = Date.now }: HeldSendsDeps) {
  // One change at a time, in order: a settle racing the alarm sees the other's write.
  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(change: () => Promise<T>): Promise<T> => {
    const turn = queue.then(change);
    queue = turn.catch(() => undefined);
    return turn;
  };

  async function rewrite(held: Record<string, HeldSend>): Promise<void> {
    await store.set(held);
    const next = Math.min(...Object.values(held).map((send) => send.commitAt));
    await wakeAt(Number.isFinite(next) ? next : null);
  }

  /** Takes the held sends `pick` chooses out of storage, for the caller to log or drop. */
  async function take(pick: (id: string, send: HeldSend) => boolean): Promise<HeldSend[]> {
    const held = await store.get();
    const taken = Object.entries(held).filter(([id, send]) => pick(id, send));
    if (taken.length === 0) return [];
    for (const [id] of taken) delete held[id];
    await rewrite(held);
    return taken.map(([, send]) => send);
  }

  return {
    /** Holds a send under `sendId` (a second hold of the same id replaces the first). */
    hold: (sendId: string, email: EmailToLog, commitAt: number): Promise<void> =>
      inTurn(async () => rewrite({ ...(await store.get()), [sendId]: { email, commitAt } })),

    /** The send stood (logged now) or was undone (dropped); null when nothing is held by that id. */
    settle: (sendId: string, outcome: 'sent' | 'undone'): Promise<EmailLogResult | null> =>
      inTurn(async () => {
        const [send] = await take((id) => id === sendId);
        if (!send) return null;
        return outcome === 'undone' ? UNDONE : log(send.email);
      }),

    /** Logs every held send whose time has come: on the alarm, and when the worker starts. */
    commitDue: (): Promise<void> =>
      inTurn(async () => {
        const due = await take((_, send) => send.commitAt <= now());
        for (const send of due) await log(send.email).catch(() => undefined);
      }),
  };
}

export type HeldSends = ReturnType<typeof createHeldSends>;
