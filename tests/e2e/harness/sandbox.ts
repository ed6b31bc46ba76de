/**
 * The local Vivre sandbox as the E2E tests use it: in memory, on a free port,
 * silent, plus the admin-only helpers that tell a test what really reached it.
 */
import type { Activity } from '../../../src/shared/vivre/contract-types';
import { startSandbox } from '../../../sandbox/server';
import { DEMO_KEYS } from '../../../sandbox/seed';

export { DEMO_KEYS };

export interface RecordCounts {
  contacts: number;
  deals: number;
  activities: number;
}

export type TestSandbox = Awaited<ReturnType<typeof startSandbox>> & {
  /** GET with the demo admin key on ws_demo; throws on a non-2xx answer. */
  get<T>(path: string): Promise<T>;
  /** Record counts of ws_demo (admin helper: exempt from faults). */
  counts(): Promise<RecordCounts>;
  /** Every activity of a contact, as stored (unaffected by latency faults only; switch errors off first). */
  activitiesOf(contactId: string): Promise<Activity[]>;
};

export async function startTestSandbox(
  options: Parameters<typeof startSandbox>[0] = {},
): Promise<TestSandbox> {
  const sandbox = await startSandbox({ port: 0, memory: true, quiet: true, ...options });
  async function get<T>(path: string): Promise<T> {
    const response = await fetch(sandbox.url + path, {
      headers: { Authorization: `Bearer ${DEMO_KEYS.admin}`, 'X-Workspace-ID': 'ws_demo' },
    });
    if (!response.ok) throw new Error(`GET ${path} → ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }
  return Object.assign(sandbox, {
    get,
    counts: async () => (await get<{ counts: RecordCounts }>('/__sandbox/state')).counts,
    activitiesOf: async (contactId: string) =>
      (
        await get<{ data: Activity[] }>(
          `/v1/activities?contact_id=${encodeURIComponent(contactId)}&limit=500`,
        )
      ).data,
  });
}
