/**
 * The test sandbox (tests/e2e/harness/sandbox.ts) in a child process: the same options and the
 * same controls (admin reads, faults, `whileDown`, close), each a message to ./sandbox-child.ts.
 * In the bench's own process, requests from the browser waited for the bench's event loop,
 * busy with Playwright (routing the Gmail pages, CDP), and arrived late: a round trip measured
 * between two such waits said little about the extension.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Activity } from '@/lib/shared/vivre/contract-types';
import type { Faults, SandboxOptions } from '@/sandbox/server';
import type { RecordCounts, TestSandbox } from '../../tests/e2e/harness/sandbox';

/** What crosses the process boundary: no functions (`random` stays in-process only). */
export type ChildSandboxOptions = Omit<SandboxOptions, 'random'>;

export type SandboxStart = { id: number; op: 'start'; options: ChildSandboxOptions };
export type SandboxCall = { id: number } & (
  | { op: 'get'; path: string }
  | { op: 'counts' }
  | { op: 'activitiesOf'; contactId: string }
  | { op: 'setFaults'; faults: Partial<Faults> }
  | { op: 'down' }
  | { op: 'up' }
  | { op: 'close' }
);
export type SandboxReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

type Request = SandboxStart | SandboxCall;
type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;

const CHILD = fileURLToPath(new URL('./sandbox-child.ts', import.meta.url));

export async function startSandboxProcess(options: ChildSandboxOptions = {}): Promise<TestSandbox> {
  const child = fork(CHILD, [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const waiting = new Map<number, { resolve(value: unknown): void; reject(e: Error): void }>();
  let nextId = 0;
  child.on('message', (reply: SandboxReply) => {
    const call = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.ok) call?.resolve(reply.value);
    else call?.reject(new Error(`Sandbox process: ${reply.error}`));
  });
  child.on('exit', (code) => {
    for (const call of waiting.values()) call.reject(new Error(`Sandbox process exited (${code})`));
    waiting.clear();
  });
  const ask = <T>(request: Unnumbered<Request>) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ ...request, id } as Request);
    });

  const { url, baseUrl, port } = await ask<{ url: string; baseUrl: string; port: number }>({
    op: 'start',
    options,
  }).catch((error: unknown) => {
    child.kill();
    throw error;
  });
  let closed = false;
  return {
    url,
    baseUrl,
    port,
    async close() {
      if (closed) return;
      closed = true;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await ask({ op: 'close' });
      await exited;
    },
    // Fire and forget, as in-process: the next request the browser sends comes after it.
    setFaults: (faults) => void ask({ op: 'setFaults', faults }),
    get: <T>(path: string) => ask<T>({ op: 'get', path }),
    counts: () => ask<RecordCounts>({ op: 'counts' }),
    activitiesOf: (contactId) => ask<Activity[]>({ op: 'activitiesOf', contactId }),
    async whileDown(whileDown) {
      await ask({ op: 'down' });
      try {
        return await whileDown();
      } finally {
        await ask({ op: 'up' });
      }
    },
  };
}
