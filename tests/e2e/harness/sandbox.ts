/**
 * The local Vivre sandbox as the E2E tests use it: in memory, on a free port,
 * silent, plus the admin-only helpers that tell a test what really reached it,
 * and a way to take it down for a while (Vivre unreachable) and bring it back.
 */
import type { Activity } from '@/lib/shared/vivre/contract-types';
import { startSandbox, type Sandbox, type SandboxOptions } from '@/sandbox/server';
import { DEMO_KEYS } from '@/sandbox/seed';

export { DEMO_KEYS };

export interface RecordCounts {
  contacts: number;
  deals: number;
  activities: number;
}

export interface TestSandbox extends Sandbox {
  /** GET with the demo admin key on ws_demo; throws on a non-2xx answer. */
  get<T>(path: string): Promise<T>;
  /** Record counts of ws_demo (admin helper: exempt from faults). */
  counts(): Promise<RecordCounts>;
  /** Every activity of a contact, as stored (unaffected by latency faults only; switch errors off first). */
  activitiesOf(contactId: string): Promise<Activity[]>;
  /**
   * Vivre unreachable while `whileDown` runs: the server stops, then a fresh one (the seed
   * again, no faults) starts on the same port, so every URL handed out stays right. It
   * comes back even when `whileDown` throws.
   */
  whileDown<T>(whileDown: () => Promise<T>): Promise<T>;
}

export async function startTestSandbox(options: SandboxOptions = {}): Promise<TestSandbox> {
  const settings: SandboxOptions = { port: 0, memory: true, quiet: true, ...options };
  let server: Sandbox | null = await startSandbox(settings);
  const { url, baseUrl, port } = server;
  const running = (): Sandbox => {
    if (!server) throw new Error('The test sandbox is down');
    return server;
  };
  async function get<T>(path: string): Promise<T> {
    const response = await fetch(url + path, {
      headers: { Authorization: `Bearer ${DEMO_KEYS.admin}`, 'X-Workspace-ID': 'ws_demo' },
    });
    if (!response.ok) throw new Error(`GET ${path} → ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
  /** Closes whatever runs now; closing a stopped sandbox does nothing. */
  async function close(): Promise<void> {
    const stopping = server;
    server = null;
    await stopping?.close();
  }
  return {
    url,
    baseUrl,
    port,
    close,
    setFaults: (faults) => running().setFaults(faults),
    get,
    counts: async () => (await get<{ counts: RecordCounts }>('/__sandbox/state')).counts,
    activitiesOf: async (contactId) =>
      (
        await get<{ data: Activity[] }>(
          `/v1/activities?contact_id=${encodeURIComponent(contactId)}&limit=500`,
        )
      ).data,
    async whileDown(whileDown) {
      await close();
      try {
        return await whileDown();
      } finally {
        server = await startSandbox({ ...settings, port });
      }
    },
  };
}
