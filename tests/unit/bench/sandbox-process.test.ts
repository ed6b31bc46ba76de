import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandboxProcess } from '@/bench/lib/sandbox-process';
import type { TestSandbox } from '@/tests/e2e/harness/sandbox';
import { DEMO_KEYS } from '@/sandbox/seed';

// The benches' sandbox in a child process: each control a bench uses must still work across
// the process boundary, and the server must answer from the child, not from this process.
let sandbox: TestSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const listContacts = (baseUrl: string) =>
  fetch(`${baseUrl}/contacts?limit=1`, {
    headers: { Authorization: `Bearer ${DEMO_KEYS.write}`, 'X-Workspace-ID': 'ws_demo' },
  });

/**
 * Holds this process's event loop until `file` exists (at most `maxMs`): a server in this
 * process could answer nothing meanwhile. Whether it appeared in time.
 */
function holdThisProcessUntil(file: string, maxMs: number): boolean {
  const until = Date.now() + maxMs;
  while (Date.now() < until) if (existsSync(file)) return true;
  return false;
}

// Each test starts a Node process (tsx): seconds on a loaded machine.
describe('the sandbox in its own process', { timeout: 40_000 }, () => {
  it('answers while this process is busy', async () => {
    sandbox = await startSandboxProcess();
    const answered = join(mkdtempSync(join(tmpdir(), 'vivre-sandbox-')), 'answered');
    // Asked from another process, which writes the status down once it has the answer.
    const script =
      `fetch(${JSON.stringify(`${sandbox.baseUrl}/contacts?limit=1`)}, ` +
      `{ headers: { Authorization: 'Bearer ${DEMO_KEYS.write}', 'X-Workspace-ID': 'ws_demo' } })` +
      `.then((r) => require('node:fs').writeFileSync(${JSON.stringify(answered)}, String(r.status)))`;
    const client = spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
    const exited = new Promise((resolve) => client.once('exit', resolve));
    expect(holdThisProcessUntil(answered, 15_000)).toBe(true);
    await exited;
    expect(readFileSync(answered, 'utf8')).toBe('200');
  });

  it('takes the options given, such as the rate limit', async () => {
    sandbox = await startSandboxProcess({ rateLimit: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await listContacts(sandbox.baseUrl)).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('reads its counts and records through the parent', async () => {
    sandbox = await startSandboxProcess();
    const counts = await sandbox.counts();
    expect(counts.contacts).toBeGreaterThan(0);
    const list = await sandbox.get<{ data: { id: string }[] }>('/v1/contacts?limit=1');
    expect(list.data).toHaveLength(1);
    await expect(sandbox.activitiesOf(list.data[0]!.id)).resolves.toBeInstanceOf(Array);
  });

  it('refuses connections while down, then answers on the same port', async () => {
    sandbox = await startSandboxProcess();
    const { baseUrl } = sandbox;
    const whileDown = await sandbox.whileDown(async () =>
      listContacts(baseUrl).then(
        () => 'answered',
        () => 'refused',
      ),
    );
    expect(whileDown).toBe('refused');
    expect((await listContacts(baseUrl)).status).toBe(200);
  });

  it('comes back even when the work done while down throws', async () => {
    sandbox = await startSandboxProcess();
    await expect(
      sandbox.whileDown(() => Promise.reject(new Error('the bench failed'))),
    ).rejects.toThrow('the bench failed');
    expect((await listContacts(sandbox.baseUrl)).status).toBe(200);
  });

  it('stops listening once closed', async () => {
    const closing = await startSandboxProcess();
    await closing.close();
    await expect(listContacts(closing.baseUrl)).rejects.toThrow();
  });
});
