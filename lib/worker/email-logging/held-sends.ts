/**
 * Sent emails held through Gmail's Undo Send window (5 to 30 s, the rep's setting), so a send the
 * rep undoes logs nothing and a send that stands logs exactly once.
 *
 * Why here and not in the Gmail tab: the tab can close, reload or navigate away inside the window,
 * and a send that stood must still be logged. The worker is the one durable place: a held send is
 * written to the worker's storage before the tab is told it is held, and an alarm at its commit
 * time wakes the worker to log it even when no tab is left (and the worker's start-up logs any
 * held send whose time passed while the browser was closed). The tab settles it sooner: "undone"
 * when the rep clicks Undo (dropped, nothing logged), "sent" once Gmail withdraws the Undo link
 * (logged at once). Whichever comes first wins; the held send is taken out of storage before it
 * is logged, so a late second signal finds nothing and nothing is logged twice.
 *
 * What is held is the log as planned when the rep pressed Send, with the connection it was
 * planned for: a workspace switch inside the window does not move it to the new workspace (its
 * writes park for the one they were meant for, like any queued write of another connection).
 *
 * Gmail's page can drive our content script, so what a tab can make the worker hold is bounded:
 * a commit time within a minute, and a cap on held sends in number and size.
 */
import type { EmailLogResult } from '../../shared/messaging/protocol';
import type { ConnectionStamp } from '../outbox/types';
import { VivreError } from '../vivre/errors';
import type { EmailLogPlan } from './email-logger';

export interface HeldSend {
  plan: EmailLogPlan;
  /** The connection it was planned for: its writes are sent there, or wait for the rep. */
  connection: ConnectionStamp;
  /** When it is logged if nothing settles it first (epoch ms). */
  commitAt: number;
}

/**
 * The latest a held send may commit, from when it is held: Gmail's longest Undo Send window
 * (30 s) and as much again for a slow notice or a busy tab. A tab's later time is brought back
 * to this, so nothing it holds waits unseen for longer.
 */
export const MAX_HOLD_MS = 30_000 + 30_000;
/**
 * Held at once, in number and in bytes (as stored): far more than a rep sends inside one Undo
 * window, and a bound on what a page driving our content script can park in the worker.
 */
export const MAX_HELD_SENDS = 25;
export const MAX_HELD_BYTES = 512 * 1024;

export const TOO_MANY_HELD_MESSAGE =
  'Too many sent emails are waiting out Gmail’s Undo, so Vivre won’t log this one: once it’s sent, open it and click “Log this email”.';

export interface HeldSendsDeps {
  store: {
    get(): Promise<Record<string, HeldSend>>;
    set(held: Record<string, HeldSend>): Promise<void>;
  };
  /** Queues a send that stood, over the connection it was planned for. */
  commit(send: HeldSend): Promise<EmailLogResult>;
  /** Wakes the worker at `at` (epoch ms), or cancels the wake-up (null). */
  wakeAt(at: number | null): Promise<void>;
  now?: () => number;
}

export const UNDONE: EmailLogResult = {
  loggedFor: [],
  loggedAt: null,
  reason: 'Not logged: sending was undone.',
};

export function createHeldSends({ store, commit, wakeAt, now = Date.now }: HeldSendsDeps) {
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
    /**
     * Holds a send under `sendId` (a second hold of the same id replaces the first) until
     * `commitAt`, brought within [now, now + MAX_HOLD_MS]; refused, with a sentence for the rep,
     * when it would take the held sends past their caps.
     */
    hold: (sendId: string, send: HeldSend): Promise<void> =>
      inTurn(async () => {
        const at = now();
        const commitAt = Math.min(Math.max(send.commitAt, at), at + MAX_HOLD_MS);
        const held = { ...(await store.get()), [sendId]: { ...send, commitAt } };
        const tooMany = Object.keys(held).length > MAX_HELD_SENDS;
        if (tooMany || bytesOf(held) > MAX_HELD_BYTES) {
          throw new VivreError({ kind: 'rate_limited', message: TOO_MANY_HELD_MESSAGE });
        }
        await rewrite(held);
      }),

    /** The send stood (logged now) or was undone (dropped); null when nothing is held by that id. */
    settle: (sendId: string, outcome: 'sent' | 'undone'): Promise<EmailLogResult | null> =>
      inTurn(async () => {
        const [send] = await take((id) => id === sendId);
        if (!send) return null;
        return outcome === 'undone' ? UNDONE : commit(send);
      }),

    /** Logs every held send whose time has come: on the alarm, and when the worker starts. */
    commitDue: (): Promise<void> =>
      inTurn(async () => {
        const due = await take((_, send) => send.commitAt <= now());
        for (const send of due) await commit(send).catch(() => undefined);
      }),
  };
}

export type HeldSends = ReturnType<typeof createHeldSends>;

const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;
