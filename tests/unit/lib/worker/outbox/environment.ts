import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, vi } from 'vitest';
import { createOutbox, type Outbox, type OutboxOptions } from '@/lib/worker/outbox';
import type { OutboxState } from '@/lib/shared/messaging/protocol';
import { fakeVivre, type Behave } from './fake-vivre';

/**
 * Each test gets its own IndexedDB and a fake clock. Only setTimeout and Date are faked:
 * fake-indexeddb schedules its work with setImmediate, which must stay real.
 */
export function useOutboxTestEnvironment() {
  const opened: Outbox[] = [];
  beforeEach(() => {
    vi.stubGlobal('indexedDB', new IDBFactory());
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 1_000_000 });
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((outbox) => outbox.close()));
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  return {
    open(options: Partial<OutboxOptions> & Pick<OutboxOptions, 'deliver'>): Outbox {
      const outbox = createOutbox({ random: () => 0.5, locks: null, ...options });
      opened.push(outbox);
      return outbox;
    },
    /** A fake Vivre that answers as `behave` says (always fine by default), and an outbox to it. */
    withVivre(behave: Behave = () => 'ok', options: Partial<OutboxOptions> = {}) {
      const vivre = fakeVivre();
      vivre.behave(behave);
      return {
        vivre,
        outbox: this.open({ deliver: vivre.deliver, readBack: vivre.readBack, ...options }),
      };
    },
  };
}

/** An item's state in the lists the rep sees (waiting, attention, synced); undefined once it is gone. */
export async function stateOf(outbox: Outbox, id: string): Promise<OutboxState | undefined> {
  const { waiting, attention, synced } = await outbox.list();
  return [...waiting, ...attention, ...synced].find((view) => view.id === id)?.state;
}

/** Moves the clock without firing timers, so each test decides when a flush happens. */
export function advanceClock(ms: number) {
  vi.setSystemTime(Date.now() + ms);
}
