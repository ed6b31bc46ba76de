/**
 * Held sends as the worker keeps them (lib/worker/email-logging/held-sends.ts), in memory on a
 * clock the test moves: shared by the Undo Send and Schedule send tests.
 */
import { createHeldSends, type HeldSend } from '@/lib/worker/email-logging/held-sends';

/** Held sends as the worker keeps them, on a clock the test moves; `committed` what stood. */
export function heldSendsAt(start: number) {
  let stored: Record<string, HeldSend> = {};
  const clock = { now: start, wakeAt: null as number | null };
  const committed: HeldSend[] = [];
  const held = createHeldSends({
    store: { get: async () => ({ ...stored }), set: async (next) => void (stored = next) },
    commit: async (send) => {
      committed.push(send);
      return { loggedFor: send.plan.loggedFor, loggedAt: clock.now };
    },
    wakeAt: async (at) => void (clock.wakeAt = at),
    now: () => clock.now,
  });
  return { held, clock, committed, stored: () => stored };
}
