import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSandbox, type SandboxOptions } from '@/sandbox/server';
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

  it('resumes a pending webhook retry after a restart', async () => {
    const types: string[] = [];
    let failures = 1;
    const receiver = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        types.push(String(req.headers['x-vivre-event']));
        res.writeHead(failures-- > 0 ? 503 : 200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;
    const webhooks = { retryDelaysMs: [3000, 3000], timeoutMs: 1000 };
    try {
      const hook = await withSandbox({ webhooks }, async (api) => {
        const created = await api('POST', '/v1/webhooks', {
          body: { url, events: ['contact.created'] },
        });
        await api('POST', '/v1/contacts', {
          body: { name: 'Resumed', email: uniqueEmail('resumed') },
        });
        await vi.waitFor(async () => {
          const list = await api('GET', `/v1/webhooks/${created.body.id}/deliveries`);
          expect(list.body.data[0]?.attempts).toHaveLength(1);
        });
        return created.body;
      });
      expect(types).toEqual(['contact.created']);
      await withSandbox({ webhooks }, async (api) => {
        const record = await vi.waitFor(
          async () => {
            const list = await api('GET', `/v1/webhooks/${hook.id}/deliveries`);
            expect(list.body.data[0]?.status).toBe('succeeded');
            return list.body.data[0];
          },
          { timeout: 6000, interval: 100 },
        );
        expect(record.attempts.map((a: { status: number }) => a.status)).toEqual([503, 200]);
      });
      expect(types).toEqual(['contact.created', 'contact.created']);
    } finally {
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});
