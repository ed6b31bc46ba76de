/**
 * Tests that hunt (issue 12, point 7): the outbox under random interleavings of worker
 * kills, lost answers (before and after the commit), 5xx, 429, clock jumps both ways and
 * workspace switches, against a Vivre that may or may not honour Idempotency-Key.
 * Invariants, checked after the rep has dealt with what was parked for them:
 * - no loss: every write is in Vivre, or parked and shown to the rep;
 * - no duplicate: no write is in Vivre twice;
 * - no write lands in a workspace it was not made for.
 * Each with one delivery at a time and with several side by side.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { ConnectionStamp, Outbox } from '@/lib/worker/outbox';
import { WrongConnectionError } from '@/lib/worker/vivre/errors';
import { advanceClock, useOutboxTestEnvironment } from './environment';
import { errors } from './fake-vivre';

const env = useOutboxTestEnvironment();

type Fault = 'ok' | '5xx' | '429' | 'dropBefore' | 'commitThenDrop' | 'commitThenHang';
type Step =
  | { type: 'enqueue' }
  | { type: 'flush' }
  | { type: 'kill' }
  | { type: 'clock'; ms: number }
  | { type: 'switch' };

const WORKSPACES = ['ws_demo', 'ws_other'] as const;

/** Two workspaces of one Vivre, each holding the notes it was sent. */
function vivre(idempotent: boolean, faults: Fault[]) {
  const records: { id: string; workspace: string; note: string }[] = [];
  const byKey = new Map<string, string>();
  const state = { current: WORKSPACES[0] as string, held: new Set<string>() };

  const workspaceFor = (stamp?: ConnectionStamp) => {
    const workspace = stamp?.workspaceId ?? state.current;
    if (workspace !== state.current && !state.held.has(workspace)) throw new WrongConnectionError();
    return workspace;
  };
  const noteOf = (write: { kind: string; body: object }) => (write.body as { note: string }).note;

  return {
    records,
    state,
    deliver: async (
      write: Parameters<Outbox['enqueue']>[0],
      key: string,
      signal: AbortSignal,
      stamp?: ConnectionStamp,
    ) => {
      const workspace = workspaceFor(stamp);
      await new Promise((resolve) => setImmediate(resolve));
      const fault = faults.shift() ?? 'ok';
      if (fault === '5xx') throw errors.server();
      if (fault === '429') throw errors.rateLimited(1);
      if (fault === 'dropBefore') throw errors.dropped();
      const replay = idempotent ? byKey.get(`${workspace}/${key}`) : undefined;
      const id = replay ?? `act_${records.length + 1}`;
      if (!replay) records.push({ id, workspace, note: noteOf(write) });
      byKey.set(`${workspace}/${key}`, id);
      if (fault === 'commitThenDrop') throw errors.dropped();
      if (fault === 'commitThenHang') {
        // No answer until the worker is killed or the request times out (20 s in the
        // worker's HTTP layer; a few real ms here).
        await new Promise((resolve) => {
          signal.addEventListener('abort', resolve, { once: true });
          setTimeout(resolve, 5);
        });
        throw errors.dropped();
      }
      return { id };
    },
    readBack: async (
      write: Parameters<Outbox['enqueue']>[0],
      _since: number,
      _signal: AbortSignal,
      stamp?: ConnectionStamp,
    ) => {
      const workspace = workspaceFor(stamp);
      await new Promise((resolve) => setImmediate(resolve));
      const ids = records
        .filter((r) => r.workspace === workspace && r.note === noteOf(write))
        .map((r) => r.id);
      return { type: 'found' as const, ids };
    },
  };
}

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ type: 'enqueue' as const }) },
  { weight: 4, arbitrary: fc.constant({ type: 'flush' as const }) },
  { weight: 1, arbitrary: fc.constant({ type: 'kill' as const }) },
  { weight: 1, arbitrary: fc.constant({ type: 'switch' as const }) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: -2 * 86_400_000, max: 2 * 86_400_000 })
      .map((ms) => ({ type: 'clock' as const, ms })),
  },
);
const fault = fc.constantFrom<Fault>(
  'ok',
  'ok',
  '5xx',
  '429',
  'dropBefore',
  'commitThenDrop',
  'commitThenHang',
);

async function drain(outbox: Outbox) {
  for (let n = 0; n < 200 && (await outbox.counts()).waiting > 0; n++) {
    await outbox.flushOutbox();
    const wake = (await outbox.counts()).nextWakeAt;
    if (wake !== null) advanceClock(Math.max(wake - Date.now(), 0));
  }
}

let run = 0;

describe.each([
  ['one delivery at a time', 1],
  ['three deliveries side by side', 3],
])('the outbox under random interleavings, %s', (_name, parallelDeliveries) => {
  it('loses nothing, doubles nothing and never writes to the wrong workspace', async () => {
    // Real timers, fake clock: fake-indexeddb waits on setTimeout when a connection closes
    // (each "kill"), and the clock must still jump at will.
    const start = Date.now();
    vi.useRealTimers();
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(step, { minLength: 5, maxLength: 40 }),
        fc.array(fault, { maxLength: 60 }),
        async (idempotent, steps, faults) => {
          const server = vivre(idempotent, [...faults]);
          const dbName = `outbox-property-${run++}`;
          const open = () =>
            env.open({
              dbName,
              deliver: server.deliver,
              readBack: server.readBack,
              connection: async () => ({
                baseUrl: 'https://vivre.example/v1',
                workspaceId: server.state.current,
                keyFingerprint: server.state.current,
              }),
              locks: null,
              parallelDeliveries,
              baseDelayMs: 10,
              maxDelayMs: 100,
            });
          let outbox = open();
          const made: { note: string; workspace: string; id: string }[] = [];
          for (const s of steps) {
            if (s.type === 'enqueue') {
              const note = `note ${made.length}`;
              const item = await outbox.enqueue({
                kind: 'logActivity',
                body: { contact_id: 'cnt_8821', type: 'call', note },
              });
              made.push({ note, workspace: server.state.current, id: item.id });
            } else if (s.type === 'flush') {
              void outbox.flushOutbox();
              await new Promise((resolve) => setImmediate(resolve));
            } else if (s.type === 'kill') {
              // Whatever is in flight is cut off; its outcome is unknown to the next worker.
              await outbox.close();
              for (let n = 0; n < 5; n++) await new Promise((resolve) => setImmediate(resolve));
              outbox = open();
            } else if (s.type === 'switch') {
              server.state.current =
                server.state.current === WORKSPACES[0] ? WORKSPACES[1] : WORKSPACES[0];
            } else {
              advanceClock(s.ms);
            }
          }

          // The network heals; the rep enters each workspace's key for what waits for it.
          faults.length = 0;
          await outbox.close();
          outbox = open();
          await drain(outbox);
          for (const workspace of WORKSPACES) {
            server.state.held.add(workspace);
            for (const item of (await outbox.list()).attention) {
              if (item.parked?.reason === 'connection' && item.parked.workspaceId === workspace) {
                await outbox.sendWith({
                  baseUrl: 'https://vivre.example/v1',
                  workspaceId: workspace,
                  keyFingerprint: workspace,
                });
              }
            }
            await drain(outbox);
          }
          const { attention, waiting, synced } = await outbox.list();

          for (const write of made) {
            const copies = server.records.filter((r) => r.note === write.note);
            // No duplicate, and never in another workspace.
            expect(copies.length).toBeLessThanOrEqual(1);
            for (const copy of copies) expect(copy.workspace).toBe(write.workspace);
            // No loss: in Vivre, or shown to the rep (notes here are unique, so every lost
            // answer can be read back: nothing is left uncertain).
            expect(copies.length + attention.filter((i) => i.id === write.id).length).toBe(1);
          }
          expect(waiting).toEqual([]);
          expect(synced.length).toBeLessThanOrEqual(made.length);
          await outbox.close();
        },
      ),
      { numRuns: 100, timeout: 10_000 },
    );
  }, 120_000);
});
