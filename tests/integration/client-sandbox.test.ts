/**
 * The real client, lookups and worker against the real sandbox (in-process, free
 * port, in memory): proves the client speaks the API the sandbox implements.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { startSandbox, type Sandbox } from '@/sandbox/server';
import { DEMO_KEYS } from '@/sandbox/seed';
import { openContactCache } from '@/lib/worker/lookups/cache';
import { createLookups } from '@/lib/worker/lookups/lookups';
import { routeMessage } from '@/lib/worker/router';
import { DEMO_WRITE_KEY } from '@/lib/worker/settings/defaults';
import type { WriteRequest } from '@/lib/shared/messaging/protocol';
import { createVivreClient } from '@/lib/worker/vivre/client';
import { createDeliver } from '@/lib/worker/vivre/deliver';
import { VivreError } from '@/lib/worker/vivre/errors';
import { createHttp } from '@/lib/worker/vivre/http';
import { createRateLimiter } from '@/lib/worker/vivre/rate-limiter';
import { createWorker } from '@/lib/worker/create-worker';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, memory: true, quiet: true });
});
afterAll(() => sandbox.close());

function clientWith(apiKey: string, workspaceId = 'ws_demo') {
  const http = createHttp({
    getCredentials: async () => ({ baseUrl: sandbox.baseUrl, apiKey, workspaceId }),
    limiter: createRateLimiter(),
  });
  return createVivreClient(http);
}

/** Writes go as the outbox sends them: a WriteRequest through `deliver`. */
const deliverWith = (apiKey: string) => createDeliver(clientWith(apiKey));

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as VivreError,
  );

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

describe('Vivre client against the sandbox', () => {
  it("ships the sandbox's demo write key as the development default", () => {
    expect(DEMO_WRITE_KEY).toBe(DEMO_KEYS.write);
  });

  it('reads the workspace and permissions of a key', async () => {
    expect(await clientWith(DEMO_KEYS.write).me()).toMatchObject({
      workspace: { id: 'ws_demo' },
      key: { permissions: ['read', 'write'] },
    });
  });

  it('looks up fixture people exactly, and knows who is not in Vivre', async () => {
    vi.stubGlobal('indexedDB', new IDBFactory());
    const cache = openContactCache();
    const lookups = createLookups({
      client: clientWith(DEMO_KEYS.read),
      cache,
      privacy: async () => ({
        autoLookup: true,
        neverLookup: [],
        ownDomain: null,
        skipOwnDomain: true,
      }),
    });
    const results = await lookups.lookup([
      'Rahul.Sharma@acme-tech.example',
      'priya.kapoor@bluestone.example',
      'procurement-team@bluestone.example',
      'arjun.patel@bluestone.example',
    ]);
    expect(results['rahul.sharma@acme-tech.example']).toMatchObject({
      status: 'found',
      contact: {
        id: 'cnt_8821',
        name: 'Rahul Sharma',
        company: 'Acme Technologies',
        stage: 'qualified',
      },
    });
    expect(results['priya.kapoor@bluestone.example']).toMatchObject({ status: 'found' });
    expect(results['procurement-team@bluestone.example']).toMatchObject({ status: 'not_found' });
    expect(results['arjun.patel@bluestone.example']).toMatchObject({ status: 'not_found' });
    const details = await lookups.getContactDetails('cnt_8821');
    expect(details.contact.id).toBe('cnt_8821');
    expect(details.deals === null || Array.isArray(details.deals)).toBe(true);
    expect(details.activities === null || Array.isArray(details.activities)).toBe(true);
    cache.close();
    vi.unstubAllGlobals();
  });

  it('replays a write sent twice with one idempotency key instead of creating two', async () => {
    const deliver = deliverWith(DEMO_KEYS.write);
    const key = `idem-${unique()}`;
    const body = { contact_id: 'cnt_8821', type: 'note' as const, note: `replay ${key}` };
    const first = await deliver({ kind: 'logActivity', body }, key);
    const second = await deliver({ kind: 'logActivity', body }, key);
    expect(second.id).toBe(first.id);
  });

  it('maps what the sandbox refuses to the right kinds', async () => {
    const writer = clientWith(DEMO_KEYS.write);
    const deliver = deliverWith(DEMO_KEYS.write);
    const createContact = (name: string, email: string): WriteRequest => ({
      kind: 'createContact',
      tempId: `tmp_${unique()}`,
      body: { name, email },
    });
    expect((await failure(clientWith('vv_test_wrong_key_000000000000000').me())).kind).toBe(
      'unauthorized',
    );
    expect(
      (
        await failure(
          deliverWith(DEMO_KEYS.read)(
            { kind: 'logActivity', body: { contact_id: 'cnt_8821', type: 'call' } },
            unique(),
          ),
        )
      ).kind,
    ).toBe('forbidden');
    expect((await failure(writer.getContact('cnt_does_not_exist'))).kind).toBe('not_found');
    const invalid = await failure(deliver(createContact('No Email', 'not-an-email'), unique()));
    expect(invalid).toMatchObject({ kind: 'validation', param: 'email' });
    const duplicate = await failure(
      deliver(createContact('Rahul Again', 'rahul.sharma@acme-tech.example'), unique()),
    );
    expect(duplicate).toMatchObject({ kind: 'conflict', existingId: 'cnt_8821' });
  });
});

describe('worker against a flaky sandbox', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    sandbox.setFaults({ errorRate: 0, dropRate: 0, latencyMs: 0 });
    await close?.();
    vi.unstubAllGlobals();
  });

  it('delivers every queued write exactly once through 5xx and dropped connections, contact before its activity', async () => {
    fakeBrowser.reset();
    vi.stubGlobal('indexedDB', new IDBFactory());
    const worker = createWorker({
      hasPermission: async () => true,
      outboxTiming: { baseDelayMs: 20, maxDelayMs: 200 },
    });
    close = () => worker.outbox.close();
    const self = { id: fakeBrowser.runtime.id, root: fakeBrowser.runtime.getURL('/') };
    // Each message from the page that may send it: settings from options, the rest from the popup.
    const from = (page: string) => (type: Parameters<typeof routeMessage>[0], data?: unknown) =>
      routeMessage(type, data, { id: self.id, url: `${self.root}${page}` }, worker.handlers, self);
    const ask = from('popup.html');
    expect(
      await from('options.html')('saveSettings', {
        apiKey: DEMO_KEYS.write,
        workspaceId: 'ws_demo',
        baseUrl: sandbox.baseUrl,
      }),
    ).toMatchObject({ ok: true });

    const run = unique();
    const email = `new.lead.${run}@example.com`;
    // Temporary ids are `tmp_<uuid>`: the worker refuses any other (least privilege).
    const tempId = `tmp_${crypto.randomUUID()}`;
    sandbox.setFaults({ errorRate: 0.2, dropRate: 0.2 });
    const queued = [
      await ask('enqueueWrite', {
        write: { kind: 'createContact', tempId, body: { name: 'New Lead', email } },
      }),
    ];
    const notes = Array.from({ length: 12 }, (_, i) => `note ${i} ${run}`);
    for (const note of notes) {
      queued.push(
        await ask('enqueueWrite', {
          write: { kind: 'logActivity', body: { contact_id: tempId, type: 'note', note } },
        }),
      );
    }
    expect(queued.every((answer) => answer.ok)).toBe(true);
    await vi.waitFor(
      async () => {
        const status = await ask('getStatus');
        expect(status).toMatchObject({ ok: true, value: { waitingCount: 0, attentionCount: 0 } });
      },
      { timeout: 15_000, interval: 100 },
    );
    sandbox.setFaults({ errorRate: 0, dropRate: 0 });

    const reader = clientWith(DEMO_KEYS.read);
    const found = await reader.listContacts({ search: email });
    expect(found.data.filter((c) => c.email === email)).toHaveLength(1);
    const activities = (await reader.listActivities(found.data[0]!.id)) ?? [];
    const logged = activities.map((a) => a.note).filter((n) => n?.endsWith(run));
    expect(logged.sort()).toEqual([...notes].sort());
    // The lookup cache learned the new contact from the sync, with no search.
    const lookup = await ask('lookupContacts', { emails: [email] });
    expect(lookup).toMatchObject({
      ok: true,
      value: { [email]: { status: 'found', contact: { id: found.data[0]!.id } } },
    });
  });
});
