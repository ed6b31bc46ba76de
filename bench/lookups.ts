/**
 * Looking up 50 distinct addresses at once, as a thread or a busy inbox asks:
 * the real lookups module with its IndexedDB cache (fake-indexeddb, in Node), the
 * real client and limiter, against the sandbox. Cold: an empty cache; warm: the
 * same 50 again right after.
 */
import { randomUUID } from 'node:crypto';
import { startTestSandbox } from '../tests/e2e/harness';
import { recordRequests, workerModules } from './lib/node-worker';
import { failedSection, verdict, type Section } from './lib/report';
import { ms, summarize } from './lib/stats';

const KNOWN = 25;
const UNKNOWN = 25;
const REPEATS = 5;

export async function benchLookups(): Promise<Section> {
  const title = 'Lookups: 50 distinct emails, cold and warm';
  // Raised limit: five cold repeats are 250 requests; one cold lookup (50) fits 120/min alone.
  const sandbox = await startTestSandbox({ rateLimit: 100_000 });
  const requests = recordRequests(sandbox.baseUrl);
  try {
    const modules = await workerModules(sandbox.baseUrl);
    // Created the way the outbox sends writes: through `deliver`.
    const deliver = modules.createDeliver(modules.client());
    const known = Array.from({ length: KNOWN }, (_, i) => `bench.lookup${i}@lookup-bench.example`);
    for (const [i, email] of known.entries()) {
      const body = { name: `Bench Lookup ${i}`, email };
      await deliver({ kind: 'createContact', tempId: `tmp_${i}`, body }, randomUUID());
    }
    // Mixed case, as Gmail shows addresses: the lookup must match exactly, case-insensitively.
    const emails = [
      ...known.map((email, i) => (i % 2 ? email.toUpperCase() : email)),
      ...Array.from({ length: UNKNOWN }, (_, i) => `nobody${i}@not-in-vivre.example`),
    ];

    const cold: number[] = [];
    const warm: number[] = [];
    const coldRequests: number[] = [];
    const warmRequests: number[] = [];
    let found = 0;
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      // A fresh cache and a fresh client: what a new profile or "Clear cached contacts" gives.
      const cache = modules.openContactCache(`vivre-bench-lookups-${repeat}-${Date.now()}`);
      const lookups = modules.createLookups({
        client: modules.client(),
        cache,
        privacy: modules.defaultPrivacy,
      });
      for (const [times, counts] of [
        [cold, coldRequests],
        [warm, warmRequests],
      ] as const) {
        const before = requests.log.length;
        const start = performance.now();
        const answer = await lookups.lookup(emails);
        times.push(performance.now() - start);
        counts.push(requests.log.length - before);
        found = Object.values(answer).filter((result) => result.status === 'found').length;
      }
      cache.close();
    }
    const coldStats = summarize(cold);
    const warmStats = summarize(warm);
    const samples = `${REPEATS} lookups of 50`;
    return {
      title,
      method:
        `${KNOWN} addresses in Vivre (created first) and ${UNKNOWN} not, asked in one lookup(50) through ` +
        'lib/worker/lookups with the real client (4 requests in parallel). Cold: fresh cache and client; warm: the same ' +
        `lookup again at once. ${REPEATS} repeats; requests counted at the fetch layer. The sandbox's limit is ` +
        'raised for this benchmark only, so repeats never wait for it.',
      rows: [
        {
          metric: 'cold: requests to the sandbox',
          value: coldRequests.join(', '),
          samples,
          goal: '≤ 50 (one per address)',
          verdict: verdict(coldRequests.every((n) => n <= 50)),
        },
        {
          metric: 'cold: wall time p50 / max',
          value: `${ms(coldStats.p50)} / ${ms(coldStats.max)}`,
          samples,
        },
        {
          metric: 'warm: requests to the sandbox',
          value: warmRequests.join(', '),
          samples,
          goal: '0',
          verdict: verdict(warmRequests.every((n) => n === 0)),
        },
        {
          metric: 'warm: wall time p50 / max',
          value: `${ms(warmStats.p50)} / ${ms(warmStats.max)}`,
          samples,
        },
        {
          metric: 'answers "found"',
          value: `${found} of 50`,
          goal: `${KNOWN}`,
          verdict: verdict(found === KNOWN),
        },
      ],
    };
  } catch (error) {
    return failedSection(title, error);
  } finally {
    requests.restore();
    await sandbox.close();
  }
}
