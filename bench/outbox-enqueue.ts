/**
 * Enqueue latency in real Chromium and real IndexedDB: an extension page sends
 * enqueueWrite to the built extension's worker, as the popup does, and times each
 * answer. The worker is connected to a loopback port where nothing listens, so
 * nothing drains and the queue only grows.
 */
import { openExtensionPage } from '../tests/e2e/harness';
import { RAHUL } from '../tests/factories';
import { benchInSession } from './lib/extension-session';
import { inPageScript } from './lib/gmail-pages';
import { verdict, type Section } from './lib/report';
import { ms, summarize } from './lib/stats';

const COUNT = 300;
const WARMUP = 10;

interface EnqueueRun {
  samples: number[];
  states: Record<string, number>;
}

export async function benchEnqueue(): Promise<Section> {
  const title = 'Outbox: enqueue latency (Chromium, real IndexedDB)';
  return benchInSession(title, { reachable: false }, async (session) => {
    // The popup sends writes; the worker answers each page only the messages it uses.
    const page = await openExtensionPage(session.browser, 'popup.html');
    await page.evaluate(inPageScript('enqueue-loop.js'));
    const run = await page.evaluate<EnqueueRun>(
      `window.vivreBenchEnqueue(${JSON.stringify({ count: COUNT, warmup: WARMUP, contactId: RAHUL.id })})`,
    );
    const stats = summarize(run.samples);
    const firstHalf = summarize(run.samples.slice(0, COUNT / 2));
    const secondHalf = summarize(run.samples.slice(COUNT / 2));
    const samples = `${stats.n} writes`;
    return {
      title,
      method:
        'From an extension page of the built extension (`npm run build:test`), `enqueueWrite` messages to ' +
        'the service worker, one after another; each time is what the popup waits for before it may say ' +
        '"saved — will sync": message to the worker, validation, the strict-durability IndexedDB commit, ' +
        'the badge count, the answer. The worker is connected to a closed loopback port, so nothing drains ' +
        `and the queue grows from 0 to ${COUNT + WARMUP} items. ${WARMUP} warm-up writes are not counted.`,
      rows: [
        { metric: 'enqueue → "saved" p50', value: ms(stats.p50), samples },
        { metric: 'enqueue → "saved" p99', value: ms(stats.p99), samples },
        {
          metric: `p50 with 10–${COUNT / 2 + WARMUP} / ${COUNT / 2 + WARMUP}–${COUNT + WARMUP} items queued`,
          value: `${ms(firstHalf.p50)} / ${ms(secondHalf.p50)}`,
          samples: `${firstHalf.n} + ${secondHalf.n}`,
        },
        {
          metric: 'answers "waiting" (saved, not synced)',
          value: `${run.states.waiting ?? 0} of ${COUNT + WARMUP}`,
          goal: 'all',
          verdict: verdict((run.states.waiting ?? 0) === COUNT + WARMUP),
        },
      ],
      notes: [`max ${ms(stats.max)}; answer states: ${JSON.stringify(run.states)}.`],
    };
  });
}
