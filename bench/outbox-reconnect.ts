/**
 * A rep back online after a long stretch offline, in real Chromium and real IndexedDB: 3,000
 * notes queued from an extension page while the sandbox is down (its port refuses
 * connections, so the worker's tries fail as offline and back off), the sandbox back on the
 * same port with its rate limit raised, and the sandbox's own count of activities polled
 * until all 3,000 are there. No online event is sent: the network interface never changed,
 * so what starts delivery is the worker's own next try (or its alarm), the slowest path.
 */
import { openExtensionPage, outboxFeed } from '../tests/e2e/harness';
import type { ExtensionPage } from '../tests/e2e/harness/messaging';
import { RAHUL } from '../tests/factories';
import { benchInSession } from './lib/extension-session';
import { inPageScript } from './lib/gmail-pages';
import { verdict, type Section } from './lib/report';
import { sleep } from './lib/stats';

/** `VIVRE_BENCH_QUEUED` / `VIVRE_BENCH_GIVE_UP_S`: a shorter run while profiling. */
const QUEUED = Number(process.env.VIVRE_BENCH_QUEUED ?? 3_000);
/** Left offline after the last write, for the worker's tries to fail and back off. */
const OFFLINE_MS = 45_000;
const RATE_LIMIT = 100_000;
const GOAL_START_MS = 60_000;
const GOAL_DRAIN_MS = 120_000;
const GIVE_UP_MS = Number(process.env.VIVRE_BENCH_GIVE_UP_S ?? 600) * 1000;

export async function benchReconnect(): Promise<Section> {
  const title = 'Outbox: 3,000 writes queued offline, then the network back';
  return benchInSession(title, { reachable: true, rateLimit: RATE_LIMIT }, async (session) => {
    const sandbox = session.sandbox!;
    const page = await openExtensionPage(session.browser, 'popup.html');
    await page.evaluate(inPageScript('enqueue-loop.js'));
    const queuing = performance.now();
    const queued = await sandbox.whileDown(async () => {
      const run = await page.evaluate<{ states: Record<string, number> }>(
        `window.vivreBenchEnqueue(${JSON.stringify({ count: QUEUED, warmup: 0, contactId: RAHUL.id, label: 'offline' })})`,
      );
      await sleep(OFFLINE_MS);
      return run.states.waiting ?? 0;
    });
    const queueSeconds = (performance.now() - queuing - OFFLINE_MS) / 1000;
    // The sandbox is back (in memory: seeded afresh), so everything it holds beyond the seed is ours.
    const back = performance.now();
    const seeded = (await sandbox.counts()).activities;
    let first: number | null = null;
    let all: number | null = null;
    let delivered = 0;
    while (performance.now() - back < GIVE_UP_MS) {
      delivered = (await sandbox.counts()).activities - seeded;
      if (delivered > 0 && first === null) first = performance.now() - back;
      if (delivered >= QUEUED) {
        all = performance.now() - back;
        break;
      }
      await sleep(250);
    }
    await sleep(5_000); // anything sent twice would show by now
    const settled = (await sandbox.counts()).activities - seeded;
    const left = settled < QUEUED ? await whereTheRestAre(page) : null;
    const drain = all !== null && first !== null ? all - first : null;
    const s = (value: number | null) =>
      value === null ? 'never' : `${(value / 1000).toFixed(1)} s`;
    return {
      title,
      method:
        `${QUEUED.toLocaleString('en')} notes enqueued from an extension page of the built extension while the sandbox ` +
        `was down (${queued} answered "waiting", in ${queueSeconds.toFixed(0)} s), then ${OFFLINE_MS / 1000} s more ` +
        `offline; the sandbox back on the same port with its limit raised to ${RATE_LIMIT.toLocaleString('en')} requests/min, ` +
        'and its count of activities polled every 250 ms. No online event: the worker finds out by its own next try.',
      rows: [
        {
          metric: 'network back → first write in Vivre',
          value: s(first),
          goal: `≤ ${GOAL_START_MS / 1000} s`,
          verdict: verdict(first !== null && first <= GOAL_START_MS),
        },
        {
          metric: `first → all ${QUEUED.toLocaleString('en')} in Vivre`,
          value: s(drain),
          samples: `${QUEUED} writes`,
          goal: `≤ ${GOAL_DRAIN_MS / 1000} s`,
          verdict: verdict(drain !== null && drain <= GOAL_DRAIN_MS),
        },
        {
          metric: 'writes in Vivre 5 s after the last arrived',
          value: `${settled} of ${QUEUED}`,
          goal: 'each exactly once',
          verdict: verdict(settled === QUEUED),
        },
      ],
      notes: [
        drain
          ? `Drain rate ${((QUEUED / drain) * 1000).toFixed(1)} writes/s (${((QUEUED / drain) * 60_000).toFixed(0)}/min).`
          : `Delivered ${delivered} of ${QUEUED} in ${GIVE_UP_MS / 1000} s.`,
        ...(left ? [left] : []),
      ],
    };
  });
}

/** Where the writes not in Vivre are, as the outbox publishes them: waiting, or needing the rep, and why. */
async function whereTheRestAre(page: ExtensionPage): Promise<string> {
  const feed = await outboxFeed(page);
  if (!feed) return 'The outbox published nothing.';
  const why = [...feed.attention, ...feed.waiting]
    .slice(0, 3)
    .map((item) =>
      [item.state, item.parked?.reason, item.lastError?.kind, `${item.attempts} tries`]
        .filter(Boolean)
        .join(', '),
    );
  return (
    `The outbox still holds ${feed.counts.waiting} waiting and ${feed.counts.attention} needing the rep` +
    (why.length > 0 ? ` (${why.join('; ')}).` : '.')
  );
}
