/**
 * A Vivre (or anything claiming its address) that answers with a redirect must not move the
 * key, a note or a lookup to another server: the worker's requests never follow one.
 * Real sockets and the real `fetch`, since following redirects is fetch's own doing.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createVivreClient } from '@/lib/worker/vivre/client';
import { createDeliver } from '@/lib/worker/vivre/deliver';
import { VivreError } from '@/lib/worker/vivre/errors';
import { createHttp } from '@/lib/worker/vivre/http';
import { createRateLimiter } from '@/lib/worker/vivre/rate-limiter';

const KEY = 'vv_test_redirect_key_00000000000';
const servers: Server[] = [];

/** A server that records what reaches it and answers with `reply`. */
async function serve(reply: (req: IncomingMessage) => { status: number; headers: object }) {
  const seen: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    seen.push(req);
    req.resume();
    const { status, headers } = reply(req);
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify({ id: 'cnt_1', data: [], total: 0, limit: 1, offset: 0 }));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve).closeAllConnections())),
  );
});

describe('requests to Vivre never follow a redirect', () => {
  it.each([301, 302, 307, 308])(
    'a %i sends neither the key nor the write anywhere else',
    async (status) => {
      const elsewhere = await serve(() => ({ status: 201, headers: {} }));
      const vivre = await serve((req) => ({
        status,
        headers: { Location: `${elsewhere.url}${req.url}` },
      }));
      const client = createVivreClient(
        createHttp({
          getCredentials: async () => ({
            baseUrl: `${vivre.url}/v1`,
            apiKey: KEY,
            workspaceId: 'ws_demo',
          }),
          limiter: createRateLimiter(),
        }),
      );

      const write = createDeliver(client)(
        { kind: 'logActivity', body: { contact_id: 'cnt_8821', type: 'note', note: 'Private' } },
        'idem_redirect',
      );
      await expect(write).rejects.toBeInstanceOf(VivreError);
      await expect(client.listContacts({ search: 'a@b.example' })).rejects.toBeInstanceOf(
        VivreError,
      );

      expect(vivre.seen.map((req) => req.method)).toEqual(['POST', 'GET']);
      expect(elsewhere.seen).toEqual([]);
    },
  );
});
