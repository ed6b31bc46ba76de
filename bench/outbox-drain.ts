/**
 * How fully the outbox uses the rate limit while draining a backlog: the real HTTP
 * client, rate limiter and outbox (fake-indexeddb, in Node) against the sandbox at
 * its default limit of 120 requests per minute per key.
 */
import { startTestSandbox } from '../tests/e2e/harness';
import { RAHUL } from '../tests/factories';
import { recordRequests, workerModules } from './lib/node-worker';
import { failedSection, verdict, type Section } from './lib/report';
import { sleep } from './lib/stats';

const DURATION_MS = 75_000;
const BACKLOG = 400;
const LIMIT = 120;
const WINDOW_MS = 60_000;

export async function benchDrain(): Promise<Section> {
  const title = 'Outbox: drain rate at the default rate limit';
  const sandbox = await startTestSandbox();
  const requests = recordRequests(sandbox.baseUrl);
  let outbox;
  try {
    const storedBefore = (await sandbox.counts()).activities;
    const modules = await workerModules(sandbox.baseUrl);
    outbox = modules.createOutbox({
      deliver: modules.createDeliver(modules.client()),
      dbName: `vivre-bench-drain-${Date.now()}`,
    });
    for (let i = 0; i < BACKLOG; i++) {
      await outbox.enqueue({
        kind: 'logActivity',
        body: { contact_id: RAHUL.id, type: 'note', note: `bench drain #${i}` },
      });
    }
    while (requests.log.length === 0) await sleep(50);
    // The first answer stands in for the first request: on loopback they are a few ms apart.
    const start = requests.log[0]!.at;
    await sleep(Math.max(0, start + DURATION_MS - performance.now()));
    await outbox.close();
    outbox = undefined;

    const inRun = requests.log.filter((r) => r.at <= start + DURATION_MS);
    const delivered = inRun.filter((r) => r.method === 'POST' && r.status === 201).length;
    const tooMany = inRun.filter((r) => r.status === 429).length;
    // The sandbox opens a fixed 60 s window at a key's first request and the next one at the
    // first request after it ends: a client that never idles can spend LIMIT per window begun.
    const windows = Math.ceil(DURATION_MS / WINDOW_MS);
    const allowed = LIMIT * windows;
    const ratio = delivered / allowed;
    const secondWindow = inRun.find((r) => r.at >= start + WINDOW_MS);
    const firstFull = inRun[LIMIT - 1];
    const stored = (await sandbox.counts()).activities - storedBefore;
    return {
      title,
      method:
        `${BACKLOG} notes queued at once in the real outbox (lib/worker/outbox, fake-indexeddb in Node) with the real ` +
        'HTTP client and rate limiter (lib/worker/vivre, 4 in parallel, as the worker wires them), sending to the ' +
        `sandbox at its default ${LIMIT} requests/min/key, for ${DURATION_MS / 1000} s from the first request. ` +
        `The sandbox counts in fixed 60 s windows, so a run of ${DURATION_MS / 1000} s can use ${windows} windows: ` +
        `${allowed} requests allowed.`,
      rows: [
        {
          metric: 'writes delivered / allowed by the rate limit',
          value: `${delivered} / ${allowed} = ${ratio.toFixed(2)}`,
          samples: `${inRun.length} requests`,
          goal: '≥ 0.90',
          verdict: verdict(ratio >= 0.9),
        },
        {
          metric: '429 answers',
          value: String(tooMany),
          samples: `${inRun.length} requests`,
          goal: 'no 429 storm (0 expected)',
          verdict: verdict(tooMany <= 1),
        },
        {
          metric: `time to send the first window's ${LIMIT}`,
          value: firstFull ? `${((firstFull.at - start) / 1000).toFixed(1)} s` : 'never reached',
        },
        {
          metric: 'first request after the window reset',
          value: secondWindow
            ? `${((secondWindow.at - start - WINDOW_MS) / 1000).toFixed(2)} s after it`
            : 'none in the run',
        },
      ],
      notes: [
        `The sandbox stored ${stored} new activities (delivered counts the 201 answers seen within the ` +
          `${DURATION_MS / 1000} s; a request in flight at the end may add one). The limiter waits for X-RateLimit-Reset, which the ` +
          'sandbox rounds up to whole seconds, so up to 1 s after each reset is left unused.',
      ],
    };
  } catch (error) {
    return failedSection(title, error);
  } finally {
    await outbox?.close();
    requests.restore();
    await sandbox.close();
  }
}
