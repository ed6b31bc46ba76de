import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxOptions } from '../../sandbox/server';
import { clientFor, uniqueEmail } from './sandbox-client';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'vivre-sandbox-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

async function withSandbox<T>(
  options: SandboxOptions,
  run: (api: ReturnType<typeof clientFor>) => Promise<T>,
) {
  const sandbox = await startSandbox({ port: 0, quiet: true, dataDir, ...options });
  try {
    return await run(clientFor(sandbox.url));
  } finally {
    await sandbox.close();
  }
}

const createContact = (api: ReturnType<typeof clientFor>, email: string) =>
  api('POST', '/v1/contacts', {
    body: { name: 'Kept Person', email },
    headers: { 'Idempotency-Key': email },
  });

describe('persistence', () => {
  it('keeps contacts and idempotency keys across restarts, in one JSON file and no temp files', async () => {
    const email = uniqueEmail('kept');
    const created = await withSandbox({}, (api) => createContact(api, email));
    expect(await readdir(dataDir)).toEqual(['sandbox.json']);
    const stored = JSON.parse(await readFile(path.join(dataDir, 'sandbox.json'), 'utf8'));
    expect(stored.workspaces.ws_demo.contacts[created.body.id].email).toBe(email);

    await withSandbox({}, async (api) => {
      expect((await api('GET', `/v1/contacts/${created.body.id}`)).body.email).toBe(email);
      const replay = await createContact(api, email);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.body.id).toBe(created.body.id);
      // New ids keep counting up after a restart.
      const next = await createContact(api, uniqueEmail('next'));
      expect(next.body.id).not.toBe(created.body.id);
    });
  });

  it('starts from the seed again with reset', async () => {
    const email = uniqueEmail('reset');
    const created = await withSandbox({}, (api) => createContact(api, email));
    await withSandbox({ reset: true }, async (api) => {
      expect((await api('GET', `/v1/contacts/${created.body.id}`)).status).toBe(404);
      expect((await api('GET', '/v1/contacts/cnt_8821')).body.ai_score).toBe(87);
    });
  });

  it('cleans up the temp file of a sandbox killed mid-write', async () => {
    await withSandbox({}, async () => undefined);
    await writeFile(path.join(dataDir, 'sandbox.json.12345-1.tmp'), '');
    await withSandbox({}, async (api) => {
      expect((await api('GET', '/v1/contacts/cnt_8821')).status).toBe(200);
    });
    expect(await readdir(dataDir)).toEqual(['sandbox.json']);
  });

  it('writes nothing with memory', async () => {
    await withSandbox({ memory: true }, (api) => createContact(api, uniqueEmail('memory')));
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('sets an unreadable file aside instead of overwriting it', async () => {
    await writeFile(path.join(dataDir, 'sandbox.json'), '{"half": ');
    await withSandbox({}, async (api) => {
      expect((await api('GET', '/v1/contacts/cnt_8821')).status).toBe(200);
    });
    const files = await readdir(dataDir);
    expect(files).toContain('sandbox.json');
    expect(files.some((file) => file.startsWith('sandbox.json.corrupt-'))).toBe(true);
  });
});
