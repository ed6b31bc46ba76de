/**
 * Enqueue latency in real Chromium and real IndexedDB: an extension page sends
 * enqueueWrite to the built extension's worker, as the popup does, and times each
 * answer. The worker is connected to a loopback port where nothing listens, so
 * nothing drains and the queue only grows: first to 310 short notes (low and high
 * halves side by side), then, with long notes, to the outbox's caps (5,000 items,
 * 10 MB), where the last 100 are timed.
 */
import { openExtensionPage } from '../tests/e2e/harness';
import { RAHUL } from '../tests/factories';
import { MAX_BYTES, MAX_ITEMS } from '../lib/worker/outbox/limits';
import { FEED_BOUND_BYTES } from '../lib/worker/outbox/pages';
import { benchInSession } from './lib/extension-session';
import { inPageScript } from './lib/gmail-pages';
import { verdict, type Section } from './lib/report';
import { ms, summarize } from './lib/stats';

const COUNT = 300;
const WARMUP = 10;
/** Timed at the caps: the last of MAX_ITEMS, long and short notes taking turns. */
const AT_CAPS = 200;
/** Characters per long note: MAX_ITEMS items of this, as the outbox stores them, fill ~10 MB. */
const LONG_NOTE = 1_700;
const GOAL_P99_MS = 30;
/** Flat: the short notes' p50 at the caps within this of their p50 with 10–160 queued. */
const GOAL_FLAT = 1.25;

interface EnqueueRun {
  samples: number[];
  /** With `alternate`: the short notes' times (`samples` then holds the long ones'). */
  shortSamples: number[];
  states: Record<string, number>;
}

const SESSION_BYTES = `new Promise((resolve) => chrome.storage.session.get(null, (all) =>
  resolve({ outbox: JSON.stringify(all.outbox ?? null).length, all: JSON.stringify(all).length })))`;

export async function benchEnqueue(): Promise<Section> {
  const title = 'Outbox: enqueue latency (Chromium, real IndexedDB)';
  return benchInSession(title, { reachable: false }, async (session) => {
    // The popup sends writes; the worker answers each page only the messages it uses.
    const page = await openExtensionPage(session.browser, 'popup.html');
    await page.evaluate(inPageScript('enqueue-loop.js'));
    const loop = (options: Record<string, unknown>) =>
      page.evaluate<EnqueueRun>(
        `window.vivreBenchEnqueue(${JSON.stringify({ contactId: RAHUL.id, ...options })})`,
      );
    const run = await loop({ count: COUNT, warmup: WARMUP, label: 'short' });
    const filled = COUNT + WARMUP;
    // To the caps: long notes, untimed, then the last AT_CAPS timed, long and short in turn: the
    // short ones are the same writes as those timed at 10–160, so "flat" compares the queue's size
    // alone, not a long note's cost with a short one's.
    const fill = await loop({
      count: AT_CAPS,
      warmup: MAX_ITEMS - filled - AT_CAPS,
      padTo: LONG_NOTE,
      alternate: true,
      label: 'long',
    });
    const sessionBytes = await page.evaluate<{ outbox: number; all: number }>(SESSION_BYTES);
    const refused = await loop({ count: 1, warmup: 0, label: 'over' });

    const stats = summarize(run.samples);
    const low = summarize(run.samples.slice(0, COUNT / 2));
    const high = summarize(run.samples.slice(COUNT / 2));
    const caps = summarize([...fill.samples, ...fill.shortSamples]);
    const capsLong = summarize(fill.samples);
    const capsShort = summarize(fill.shortSamples);
    const samples = `${stats.n} writes`;
    const waiting = (run.states.waiting ?? 0) + (fill.states.waiting ?? 0);
    const flat = capsShort.p50 / low.p50;
    return {
      title,
      method:
        'From an extension page of the built extension (`npm run build:test`), `enqueueWrite` messages to ' +
        'the service worker, one after another; each time is what the popup waits for before it may say ' +
        '"saved — will sync": message to the worker, validation, the strict-durability IndexedDB commit, ' +
        'the answer (the badge and the feed follow it). The worker is connected to a closed loopback port, ' +
        `so nothing drains and the queue grows: ${WARMUP} warm-up writes (not counted), then ${COUNT} short ` +
        `notes (10–${COUNT / 2 + WARMUP} and ${COUNT / 2 + WARMUP}–${filled} queued, side by side), then ` +
        `notes of ${LONG_NOTE.toLocaleString('en')} characters up to the caps (${MAX_ITEMS.toLocaleString('en')} ` +
        `items, ${MAX_BYTES / 1024 / 1024} MB), of which the last ${AT_CAPS} are timed, long and short notes in turn. ` +
        '"Flat" compares like with like: the short notes timed at the caps with those timed at 10–160.',
      rows: [
        {
          metric: 'p50 / p99 with 10–160 queued',
          value: `${ms(low.p50)} / ${ms(low.p99)}`,
          samples: `${low.n} writes`,
        },
        {
          metric: 'p50 / p99 with 160–310 queued',
          value: `${ms(high.p50)} / ${ms(high.p99)}`,
          samples: `${high.n} writes`,
        },
        {
          metric: `p50 / p99 at the caps (${MAX_ITEMS - AT_CAPS}–${MAX_ITEMS} queued, ~10 MB)`,
          value: `${ms(caps.p50)} / ${ms(caps.p99)}`,
          samples: `${caps.n} writes`,
          goal: `p99 ≤ ${GOAL_P99_MS} ms`,
          verdict: verdict(caps.p99 <= GOAL_P99_MS),
        },
        {
          metric: 'p50 at the caps: long notes / short notes',
          value: `${ms(capsLong.p50)} / ${ms(capsShort.p50)}`,
          samples: `${capsLong.n} + ${capsShort.n} writes`,
        },
        {
          metric: 'flat: short notes, p50 at the caps ÷ p50 with 10–160 queued',
          value: `${flat.toFixed(2)}×`,
          samples: `${capsShort.n} + ${low.n} writes`,
          goal: `≤ ${GOAL_FLAT}×`,
          verdict: verdict(flat <= GOAL_FLAT),
        },
        {
          metric: 'enqueue → "saved" p50 / p99, all short notes',
          value: `${ms(stats.p50)} / ${ms(stats.p99)}`,
          samples,
        },
        {
          metric: 'the published feed in storage.session at the caps',
          value: `${(sessionBytes.outbox / 1000).toFixed(1)} kB (all of storage.session: ${(sessionBytes.all / 1000).toFixed(1)} kB)`,
          goal: `≤ ${FEED_BOUND_BYTES / 1024 / 1024} MB`,
          verdict: verdict(sessionBytes.outbox <= FEED_BOUND_BYTES),
        },
        {
          metric: 'answers "waiting" (saved, not synced)',
          value: `${waiting} of ${MAX_ITEMS}; the next one refused: ${refused.states.error === 1 ? 'yes' : 'no'}`,
          goal: 'all, then refused',
          verdict: verdict(waiting === MAX_ITEMS && refused.states.error === 1),
        },
      ],
      notes: [
        `max ${ms(stats.max)} (short notes), ${ms(caps.max)} (at the caps); answer states: ` +
          `${JSON.stringify(run.states)}, ${JSON.stringify(fill.states)}.`,
      ],
    };
  });
}
