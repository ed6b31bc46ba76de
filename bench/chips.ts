/**
 * Time from a thread's markup entering a Gmail page to all its chips settled and
 * painted, timed inside the page (bench/in-page/chips-probe.js), with the built
 * extension talking to the sandbox. Cold: nothing cached anywhere, so each address
 * costs a request; warm: the worker's contact cache, or this tab, already knows them.
 */
import { BURST_IDLE_TIMEOUT_MS } from '../lib/content/gmail/watch';
import type { Page } from 'playwright-core';
import {
  askWorkerOk,
  DEMO_KEYS,
  evaluateInContentScript,
  extensionWorker,
  openExtensionPage,
} from '../tests/e2e/harness';
import { benchInSession, type ExtensionSession } from './lib/extension-session';
import { inPageScript, newTabSettled, NEW_TAB_SETTLE_MS, openBenchPage } from './lib/gmail-pages';
import { verdict, type Row, type Section } from './lib/report';
import { ms, sleep, summarize, type Summary } from './lib/stats';

const SAMPLES = 30;
/** A new tab per sample costs a page load: fewer, to keep the whole run within minutes. */
const NEW_TAB_SAMPLES = 20;
const RTT_SAMPLES = 50;
export const WARM_GOAL_MS = 50;
export const COLD_SLACK_MS = 30;

export interface Timing {
  hostsMs: number;
  settledMs: number;
  frameMs: number;
  /**
   * When the tab's main thread was done with its first frame after the insert, at most (null: the
   * chips had settled before it, and were painted in it).
   */
  firstFrameMs: number | null;
  /** The insert's start as performance.timeOrigin + now(): the worker's probe uses that clock. */
  startAt: number;
}

/** A cold insert's lookup requests, as the worker sent them (in-page/lookup-requests-probe.js). */
interface LookupRequests {
  /** The first request sent, ms after the insert began. */
  firstSentMs: number;
  /** The last answer in, ms after the insert began. */
  lastAnsweredMs: number;
  /** Each request, sent → answered, ms. */
  eachMs: number[];
}

/**
 * `addresses`' lookups sent at once from the extension's own worker, as a cold lookup sends
 * them, each sample timed until the last answer is read; one address: the round trip.
 */
async function timedLookupRequests(
  session: ExtensionSession,
  addresses: string[],
): Promise<number[]> {
  const worker = await extensionWorker(session.browser);
  const urls = addresses.map(
    (email) => `${session.sandbox!.baseUrl}/contacts?search=${encodeURIComponent(email)}&limit=50`,
  );
  return worker.evaluate<number[]>(`(async () => {
    const get = (url) =>
      fetch(url, {
        headers: { Authorization: 'Bearer ${DEMO_KEYS.write}', 'X-Workspace-ID': 'ws_demo' },
        cache: 'no-store',
        credentials: 'omit',
      }).then((response) => response.json());
    const times = [];
    for (let i = 0; i < ${RTT_SAMPLES + 5}; i++) {
      const start = performance.now();
      await Promise.all(${JSON.stringify(urls)}.map(get));
      if (i >= 5) times.push(performance.now() - start);
    }
    return times;
  })()`);
}

/** The request a cold lookup makes, timed from the extension's own worker. */
export const sandboxRoundTrips = (session: ExtensionSession) =>
  timedLookupRequests(session, ['rahul.sharma@acme-tech.example']);

/**
 * The thread's lookups at once: the least a cold tab's chips can wait for, the sandbox
 * answering them one after another (one process) on a machine the browser shares.
 */
export const sandboxThreadRoundTrips = (session: ExtensionSession, expected: string[]) =>
  timedLookupRequests(session, expected);

/** A Gmail tab with the content script running and idle, and the probe installed. */
export async function readyThreadPage(session: ExtensionSession): Promise<Page> {
  const page = await openBenchPage(session.browser.context, 'thread');
  // In the content script's world: chips have closed shadow roots, which only it may open.
  await evaluateInContentScript(session.browser, page, inPageScript('chips-probe.js'));
  await page.evaluate('new Promise((resolve) => requestIdleCallback(resolve, { timeout: 500 }))');
  return page;
}

/** Inserts the thread into `page` and times its chips (`expected`: null finds out whose settle). */
export const insertThread = (session: ExtensionSession, page: Page, expected: string[] | null) =>
  evaluateInContentScript<Timing & { emails?: string[] }>(
    session.browser,
    page,
    `window.vivreBench.insertThread(${JSON.stringify(expected)})`,
  );

const TAKE_REQUESTS = 'vivreLookupRequests.take()';

async function inNewTabs(
  session: ExtensionSession,
  expected: string[],
  before?: () => Promise<unknown>,
  requests?: LookupRequests[],
) {
  const timings: Timing[] = [];
  for (let i = 0; i < NEW_TAB_SAMPLES; i++) {
    await before?.();
    const page = await readyThreadPage(session);
    await newTabSettled(page);
    const worker = requests && (await extensionWorker(session.browser));
    // Installed (once per worker: it may have been stopped and started again) and emptied.
    await worker?.evaluate(`${inPageScript('lookup-requests-probe.js')}; ${TAKE_REQUESTS}`);
    const timing = await insertThread(session, page, expected);
    timings.push(timing);
    if (worker) requests!.push(timedRequests(timing, await worker.evaluate(TAKE_REQUESTS)));
    await page.close();
  }
  return timings;
}

function timedRequests(
  timing: Timing,
  sent: { sentAt: number; answeredAt: number | null }[],
): LookupRequests {
  if (sent.length === 0 || sent.some((request) => request.answeredAt === null))
    throw new Error(`A cold insert's lookups were not all answered: ${JSON.stringify(sent)}`);
  const answered = sent as { sentAt: number; answeredAt: number }[];
  return {
    firstSentMs: Math.min(...answered.map((r) => r.sentAt)) - timing.startAt,
    lastAnsweredMs: Math.max(...answered.map((r) => r.answeredAt)) - timing.startAt,
    eachMs: answered.map((r) => r.answeredAt - r.sentAt),
  };
}

/**
 * When the worker sent a cold insert's lookups and had their answers: with the end of the tab's
 * first frame (firstFrameRow), the later of the two is the earliest a cold chip can settle, and
 * it is painted a frame after. On this 2-core machine the sandbox, the browser and the tab
 * drawing the thread share two cores: in one run of this section on 2026-12-07 each request took
 * 7.7 ms p50 and 15.1 ms p95 during the inserts, against 3.2 / 8.8 ms on their own; the last
 * answer came 21.0 ms p50 after the insert, the first frame ended at 27.3 ms, the chips were
 * painted at 38.4 ms.
 */
function requestRows(requests: LookupRequests[], rtt: Summary): Row[] {
  const sent = summarize(requests.map((r) => r.firstSentMs));
  const answered = summarize(requests.map((r) => r.lastAnsweredMs));
  const each = summarize(requests.flatMap((r) => r.eachMs));
  return [
    {
      metric: "cold: the worker's lookups, first sent / last answered, after the insert, p50 / p95",
      value: `${ms(sent.p50)} / ${ms(sent.p95)}; ${ms(answered.p50)} / ${ms(answered.p95)}`,
      samples: `${requests.length} inserts`,
    },
    {
      metric:
        'cold: each of those requests, sent → answered, p50 / p95 (on their own: the round trip)',
      value: `${ms(each.p50)} / ${ms(each.p95)} (${ms(rtt.p50)} / ${ms(rtt.p95)})`,
      samples: `${each.n} requests`,
    },
  ];
}

/** `p95Goal` false: the goal is the p50's alone (a new tab: its page load lands in the p95). */
function rows(
  label: string,
  timings: Timing[],
  goal: (s: Summary) => { text: string; limit: Summary },
  p95Goal = true,
): Row[] {
  const painted = summarize(timings.map((t) => t.frameMs));
  const settled = summarize(timings.map((t) => t.settledMs));
  const hosts = summarize(timings.map((t) => t.hostsMs));
  const { text, limit } = goal(painted);
  const samples = `${painted.n} inserts`;
  return [
    {
      metric: `${label}: to chips painted p50`,
      value: ms(painted.p50),
      samples,
      goal: `≤ ${text} (p50)`,
      verdict: verdict(painted.p50 <= limit.p50),
    },
    {
      metric: `${label}: to chips painted p95`,
      value: ms(painted.p95),
      samples,
      ...(p95Goal ? { goal: `≤ ${text} (p95)`, verdict: verdict(painted.p95 <= limit.p95) } : {}),
    },
    {
      metric: `${label}: to chip hosts present / settled in the DOM, p50 / p95`,
      value: `${ms(hosts.p50)} / ${ms(hosts.p95)}; ${ms(settled.p50)} / ${ms(settled.p95)}`,
      samples,
    },
  ];
}

/**
 * When a cold tab's main thread was done with the thread's first frame. Why it is reported:
 * traced on 2026-12-07 (all of Chromium's processes, one clock), the worker had the four answers
 * 33 ms after the insert, but the tab read them at 43 ms, after a 19.5 ms frame (layout alone
 * 8.6 ms) that drew the thread; the chips were painted a frame later.
 */
function firstFrameRow(timings: Timing[]): Row {
  const ended = timings.flatMap((t) => (t.firstFrameMs === null ? [] : [t.firstFrameMs]));
  const frame = summarize(ended);
  return {
    metric:
      "cold: the tab's main thread done with its first frame after the insert (at most), p50 / p95",
    value: ended.length > 0 ? `${ms(frame.p50)} / ${ms(frame.p95)}` : 'not seen',
    samples: `${ended.length} of ${timings.length} inserts`,
  };
}

export async function benchChips(): Promise<Section> {
  const title = 'Gmail: thread inserted → chips visible';
  // Raised limit: the cold runs alone make ~120 requests in well under a minute.
  return benchInSession(title, { reachable: true, rateLimit: 100_000 }, async (session) => {
    const control = await openExtensionPage(session.browser);
    const rtt = summarize(await sandboxRoundTrips(session));

    const first = await readyThreadPage(session);
    const expected = (await insertThread(session, first, null)).emails ?? [];
    await first.close();
    if (expected.length === 0) throw new Error('No chip settled on the bench thread');

    const threadRtt = summarize(await sandboxThreadRoundTrips(session, expected));
    const coldRequests: LookupRequests[] = [];
    const cold = await inNewTabs(
      session,
      expected,
      () => askWorkerOk(control, 'clearContactCache'),
      coldRequests,
    );
    const warmWorker = await inNewTabs(session, expected);
    const tab = await readyThreadPage(session);
    await insertThread(session, tab, expected);
    const warmTab: Timing[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      await evaluateInContentScript(session.browser, tab, 'window.vivreBench.removeThread()');
      await sleep(200);
      warmTab.push(await insertThread(session, tab, expected));
    }

    const warmGoal = (s: Summary) => ({
      text: `${WARM_GOAL_MS} ms`,
      limit: { ...s, p50: WARM_GOAL_MS, p95: WARM_GOAL_MS },
    });
    return {
      title,
      method:
        'The real thread fixture (signed-in account moved outside every participant domain, so no one is ' +
        'skipped as a colleague) is served at https://mail.google.com/ with its thread kept in a <template>, beside ' +
        "Gmail's navigation drawn in Gmail's web fonts, its images inline as a loaded tab has them cached " +
        '(bench/lib/gmail-pages.ts); ' +
        "inside the page (the content script's world, which may open the chips' closed shadow roots), " +
        'performance.now() is read, the thread appended, and MutationObservers on the ' +
        `document and each chip's shadow root watch until the chips of ${expected.join(', ')} show a settled ` +
        'state (score, "+ Add" or error; not busy), then one requestAnimationFrame later ("painted"). A new ' +
        `tab is timed ${NEW_TAB_SETTLE_MS / 1000} s after it is ready, as a rep's Gmail has loaded by the time a thread opens. Cold: ` +
        "the worker's contact cache cleared (the chip mirror with it) and a new tab (nothing known); warm: a new " +
        "tab, the worker's cache and the chip mirror filled (chips drawn from the mirror, then the worker's " +
        'answer); same tab: the thread removed and inserted again in a tab that has shown it. The sandbox round ' +
        `trip is ${RTT_SAMPLES} GET /contacts?search= from the extension's worker; the thread's lookups at once, ` +
        `${RTT_SAMPLES} times those of all ${expected.length} chipped addresses sent together, as a cold tab sends them, ` +
        'to the last answer read. The sandbox runs in a process of its own.',
      rows: [
        {
          metric: 'sandbox round trip p50 / p95',
          value: `${ms(rtt.p50)} / ${ms(rtt.p95)}`,
          samples: `${rtt.n} requests`,
        },
        {
          metric: `sandbox round trip, the thread's ${expected.length} lookups at once, p50 / p95`,
          value: `${ms(threadRtt.p50)} / ${ms(threadRtt.p95)}`,
          samples: `${threadRtt.n} × ${expected.length} requests`,
        },
        ...rows('cold', cold, () => ({
          text: `round trip + ${COLD_SLACK_MS} ms = ${ms(rtt.p50 + COLD_SLACK_MS)} / ${ms(rtt.p95 + COLD_SLACK_MS)}`,
          limit: { ...rtt, p50: rtt.p50 + COLD_SLACK_MS, p95: rtt.p95 + COLD_SLACK_MS },
        })),
        firstFrameRow(cold),
        ...requestRows(coldRequests, rtt),
        ...rows("warm (worker's cache and chip mirror, new tab)", warmWorker, warmGoal, false),
        ...rows('warm (same tab)', warmTab, warmGoal),
      ],
      notes: [
        `${expected.length} chips per insert. Painted = settled + the wait for the next frame (up to ~16 ms at 60 Hz).`,
        'The content script draws the chips of a burst that shows people at the end of the task that made it ' +
          `(once a frame; later bursts of the same frame at the next one); other bursts wait for idle time (at most ${BURST_IDLE_TIMEOUT_MS} ms).`,
        "The tab's first frame after the insert styles, lays out and paints Gmail's thread, and the chip hosts (still " +
          'loading) with it. An answer from the worker that reaches the tab during that frame is read once it ends, and the ' +
          'chips it settles are painted at the frame after: a cold insert cannot be painted before the later of that ' +
          "frame's end and the lookups' answers, plus a frame. The frame's end is read by a task queued from its animation " +
          'callbacks, which tasks queued before it (an answer arriving) may precede: it is an upper bound.',
      ],
    };
  });
}
