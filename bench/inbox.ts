/**
 * The 100-row inbox page built from real row markup (tests/fixtures/gmail/inbox-100-rows.html):
 * how soon its chips show when the worker's cache already knows the senders, and what 5,000
 * Gmail-like mutations of the list cost the main thread with and without the extension,
 * measured side by side: the two pages at once, each in a browser of its own (./lib/side-by-side.ts).
 */
import type { Page } from 'playwright-core';
import { evaluateInContentScript } from '../tests/e2e/harness';
import { profileScript } from './lib/cpu-profile';
import {
  benchInSession,
  openExtensionSession,
  type ExtensionSession,
} from './lib/extension-session';
import {
  GMAIL_ORIGIN,
  inPageScript,
  newTabSettled,
  NEW_TAB_SETTLE_MS,
  openBenchPage,
  PLAIN_ORIGIN,
} from './lib/gmail-pages';
import { verdict, type Section } from './lib/report';
import { runPair, type Times } from './lib/side-by-side';
import {
  MAIN_THREAD_PAIRS,
  median,
  medianPairRatio,
  ms,
  ratioSpread,
  sleep,
  summarize,
} from './lib/stats';

const CACHED_SAMPLES = 8;
/** Rounds of with and without side by side: the spread of their ratios is reported. */
const PAIRS = MAIN_THREAD_PAIRS;
const MUTATIONS = { bursts: 50, perBurst: 100, gapMs: 30 };
/** After the last burst, still counted: the content script catches up (idle within 40 ms). */
const TRAILING_MS = 1000;
/** Issue 25: a new tab's first score chips, cached, within 100 ms (p50). */
export const NEW_TAB_GOAL_MS = 100;
/** Issue 25: with ÷ without ≤ 1.10× (the verdict), keeping 1.05× as the target in the report. */
const LIMIT_RATIO = 1.1;
const TARGET_RATIO = 1.05;

export interface Insert {
  firstMs: number | null;
  /** Frames drawn before the first chip showed its answer: 0, in the frame that drew the rows. */
  firstFrames: number | null;
  /** The page's own insert of the rows, before any observer ran (the same task as ours). */
  insertedMs: number;
  allMs: number;
  chips: number;
}

/** The browser each inbox page was opened in (openInbox), to reach its content script's world. */
const browserOf = new WeakMap<Page, ExtensionSession['browser']>();

export async function openInbox(session: ExtensionSession, origin = GMAIL_ORIGIN): Promise<Page> {
  const page = await openBenchPage(session.browser.context, 'inbox', origin);
  browserOf.set(page, session.browser);
  // The probe in the content script's world too: only there can it see what the chips answered.
  if (origin === GMAIL_ORIGIN) {
    await evaluateInContentScript(session.browser, page, inPageScript('inbox-probe.js'));
  }
  await page.evaluate('new Promise((resolve) => requestIdleCallback(resolve, { timeout: 500 }))');
  return page;
}

/** Inserts the rows; times the chips from the content script's world on a Gmail page. */
export const insert = (page: Page, expected: number, timeoutMs = 10000) => {
  const call = `window.vivreInboxInsert(${expected}, ${timeoutMs})`;
  const browser = browserOf.get(page);
  return browser && new URL(page.url()).origin === GMAIL_ORIGIN
    ? evaluateInContentScript<Insert>(browser, page, call)
    : page.evaluate<Insert>(call);
};

type Mutated = Times & { rowsAdded: number; hostsMade: number; hostsDuringBursts: number };

/**
 * One pair: the list mutated on both pages at once, side by side (./lib/side-by-side.ts), the
 * page without the extension in the browser of `without`; `withFirst` says whose bursts lead.
 */
async function mutationPair(
  session: ExtensionSession,
  without: ExtensionSession,
  withFirst: boolean,
  chips: number,
): Promise<{ with: Mutated; without: Mutated }> {
  const ran = await runPair<Mutated, void>(
    {
      with: { session, open: () => openInbox(session, GMAIL_ORIGIN) },
      without: { session: without, open: () => openInbox(without, PLAIN_ORIGIN) },
    },
    {
      withFirst,
      // The rows in both, then the same second for each.
      settle: async (withPage, withoutPage) => {
        await Promise.all([insert(withPage, chips), insert(withoutPage, 0)]);
        await sleep(1000);
      },
      bursts: {
        start: 'window.vivreInboxMutations',
        count: MUTATIONS.bursts,
        perBurst: MUTATIONS.perBurst,
        gapMs: MUTATIONS.gapMs,
        trailingMs: TRAILING_MS,
      },
    },
    async () => undefined,
  );
  return { with: ran.with, without: ran.without };
}

export async function benchInbox(): Promise<Section> {
  const title = 'Gmail inbox: a 100-row list of real markup';
  return benchInSession(title, { reachable: true, rateLimit: 100_000 }, async (session) => {
    // Cold once, to fill the worker's cache; then every sample is "cached".
    const warmUp = await openInbox(session);
    // Every sender looked up once, waiting the whole timeout: how many chips the rows get.
    const cold = await insert(warmUp, Infinity, 5000);
    const CHIPS = cold.chips;
    if (CHIPS === 0) throw new Error('The content script put no chips on the inbox rows');
    const sameTab: Insert[] = [];
    for (let i = 0; i < CACHED_SAMPLES; i++) sameTab.push(await insert(warmUp, CHIPS));
    await warmUp.close();
    const newTab: Insert[] = [];
    for (let i = 0; i < CACHED_SAMPLES; i++) {
      const page = await openInbox(session);
      await newTabSettled(page);
      newTab.push(await insert(page, CHIPS));
      await page.close();
    }

    // The page without the extension in a second browser, nothing behind it to reach.
    const without = await openExtensionSession({ reachable: false });
    const withRuns: Mutated[] = [];
    const withoutRuns: Mutated[] = [];
    try {
      await mutationPair(session, without, true, CHIPS); // warm-up, not counted
      for (let pair = 0; pair < PAIRS; pair++) {
        // Whose bursts lead takes turns too.
        const run = await mutationPair(session, without, pair % 2 === 0, CHIPS);
        withRuns.push(run.with);
        withoutRuns.push(run.without);
      }
    } finally {
      await without.close().catch(() => undefined); // a failure to close hides no error of the runs
    }
    const profilePage = await openInbox(session);
    await insert(profilePage, CHIPS);
    const cdp = await session.browser.context.newCDPSession(profilePage);
    const share = await profileScript(cdp, 'content-scripts/gmail.js', async () => {
      await profilePage.evaluate(`window.vivreInboxMutate(${JSON.stringify(MUTATIONS)})`);
      await profilePage.waitForTimeout(500);
    });
    await profilePage.close();

    const first = (samples: Insert[]) => summarize(samples.map((s) => s.firstMs ?? Infinity));
    const frames = (samples: Insert[]) => summarize(samples.map((s) => s.firstFrames ?? Infinity));
    const all = (samples: Insert[]) => summarize(samples.map((s) => s.allMs));
    const [newFirst, sameFirst] = [first(newTab), first(sameTab)];
    const sameFrames = frames(sameTab);
    const inserted = summarize(sameTab.map((s) => s.insertedMs));
    const after = summarize(sameTab.map((s) => (s.firstMs ?? Infinity) - s.insertedMs));
    const task = (runs: Mutated[]) => runs.map((r) => r.taskMs);
    const cpu = (runs: Mutated[]) => runs.map((r) => r.cpuMs);
    const ratio = medianPairRatio(task(withRuns), task(withoutRuns));
    const cpuRatio = medianPairRatio(cpu(withRuns), cpu(withoutRuns));
    const chipsShown = Math.min(...[...newTab, ...sameTab].map((sample) => sample.chips));
    return {
      title,
      method:
        'The rows of tests/fixtures/gmail/inbox-100-rows.html (real 2019-12 Gmail row markup, 100 rows, ' +
        'external people to chip) are inserted into a Gmail tab at once; the page times, with performance.now() and ' +
        'a requestAnimationFrame counter, when the first and the last chip show their answer. "Cached": the worker ' +
        `already looked everyone up (one cold insert first); new tab: a fresh tab per sample (${CACHED_SAMPLES}), timed ${NEW_TAB_SETTLE_MS / 1000} s after it is ready; ` +
        `same tab: the rows inserted again (${CACHED_SAMPLES}). Main thread: ${MUTATIONS.bursts * MUTATIONS.perBurst} ` +
        `list mutations (${MUTATIONS.bursts} bursts of ${MUTATIONS.perBurst}, ${MUTATIONS.gapMs} ms apart: rows ` +
        'arriving and leaving, read/unread, hover, checkbox and time changes) with the extension (chips on the rows ' +
        `that stay near the viewport) and without (same page at ${PLAIN_ORIGIN}, its rows' images inline ` +
        `on both pages, as a loaded tab has them cached), in a second browser: the two pages at once, their bursts taking turns half a gap ` +
        `apart (bench/lib/side-by-side.ts), CDP TaskDuration from before the first burst to ${TRAILING_MS} ms after the last, ` +
        `${PAIRS} pairs after a warm-up pair, whose bursts lead taking turns; the verdict is on the median of their ratios.`,
      rows: [
        {
          metric: 'first chips after rows appear, cached, new tab (p50 / p95)',
          value: `${ms(newFirst.p50)} / ${ms(newFirst.p95)}; frames ${frames(newTab).p50} / ${frames(newTab).p95}`,
          samples: `${newFirst.n}`,
          goal: `≤ ${ms(NEW_TAB_GOAL_MS)} (p50)`,
          verdict: verdict(newFirst.p50 <= NEW_TAB_GOAL_MS),
        },
        {
          metric: 'first chips after rows appear, cached, same tab (p50 / p95)',
          value: `${ms(sameFirst.p50)} / ${ms(sameFirst.p95)}; frames ${sameFrames.p50} / ${sameFrames.p95}`,
          samples: `${sameFirst.n}`,
          goal: '≤ one frame after the rows (frames ≤ 1, p95)',
          verdict: verdict(sameFrames.p95 <= 1),
        },
        {
          metric: 'same tab: the page inserting the rows / then the chips (p50 / p95)',
          value: `${ms(inserted.p50)} / ${ms(inserted.p95)}; ${ms(after.p50)} / ${ms(after.p95)}`,
          samples: `${sameFirst.n}`,
        },
        {
          metric: 'all chips, cached, new tab / same tab (p50)',
          value: `${ms(all(newTab).p50)} / ${ms(all(sameTab).p50)}`,
          samples: `${CACHED_SAMPLES} + ${CACHED_SAMPLES}`,
        },
        {
          metric: 'all chips, cold (one sample: every sender a request)',
          value: ms(cold.allMs),
          samples: '1',
        },
        {
          metric:
            'main-thread time, 5,000 list mutations, with ÷ without (median of the per-pair ratios)',
          value: `${ratio.toFixed(3)}× (TaskDuration); ${cpuRatio.toFixed(3)}× (ThreadTime)`,
          samples: `${PAIRS} pairs`,
          goal: `≤ ${LIMIT_RATIO.toFixed(2)}× (target ${TARGET_RATIO}×)`,
          verdict: verdict(ratio <= LIMIT_RATIO),
        },
        {
          metric: 'per-pair ratio min / median / max: TaskDuration; ThreadTime',
          value: `${ratioSpread(task(withRuns), task(withoutRuns))}; ${ratioSpread(cpu(withRuns), cpu(withoutRuns))}`,
          samples: `${PAIRS} pairs`,
        },
        {
          metric: 'medians of the runs, with / without: TaskDuration (ratio of medians)',
          value: `${ms(median(task(withRuns)))} / ${ms(median(task(withoutRuns)))} (${(median(task(withRuns)) / median(task(withoutRuns))).toFixed(3)}×)`,
          samples: `${PAIRS} + ${PAIRS} runs`,
        },
      ],
      notes: [
        `Chips on the 100 rows: ${CHIPS} (rep and colleague rows get none); shown in every cached sample: at least ${chipsShown}.`,
        `Hosts (chips and hot-lead marks) put on the page while the bursts came, with the extension: ${withRuns
          .map((run) => run.hostsDuringBursts)
          .join(
            ', ',
          )} for ${median(withRuns.map((run) => run.rowsAdded))} rows added; by the end of the ` +
          `trailing second: ${withRuns.map((run) => run.hostsMade).join(', ')}. ` +
          'Rows reached as the list moves get their hosts once they have stayed near the viewport for ' +
          '150 ms (lib/content/chips/row-chips.ts); while the bursts come, the top rows are removed about ' +
          'as fast as new ones arrive, so most rows pass through in less and are only read and looked up; ' +
          'once they stop, the rows left near the top get theirs.',
        // A counted figure, not a timing: tests/unit/lib/worker/lookups/list-paging.test.ts asserts it.
        'Lookup cost of paging 500 inbox rows (180 distinct external senders, two tabs at once, a Vivre allowing 120 requests a minute): 180 requests, one per distinct address (0.36 per row), 0 answered 429; requests past the first window wait for the next, and paging back costs 0 while answers are fresh (tests/unit/lib/worker/lookups/list-paging.test.ts; writes and the open thread keep a slot and the last 5 requests of every window, tests/unit/lib/worker/vivre/request-scheduler.test.ts).',
        "Frames: requestAnimationFrame callbacks counted from the insert to the first chip showing its answer; 0 is the frame that draws the rows, so the rep never sees the rows without their chips. The verdict is on frames, as the goal is: the milliseconds count from before the page inserts the rows, and that insert (cloning 100 rows of Gmail markup into the page, timed on its own in the next row) is in the same task as our work and before it; no extension can paint sooner than the frame after that task. Until 2026-12-07 the verdict compared those milliseconds with 16.7 ms, of which the page's own insert took about half (8.4 ms p50 in that day's run of this section alone).",
        `The target, ${TARGET_RATIO}×: ${ratio <= TARGET_RATIO ? 'reached' : 'not reached'}. The per-pair ratios show ` +
          'how far one pair moves with the machine: the verdict is on their median (bench/lib/stats.ts).',
        `Where the content script's time goes during the mutations (CPU profiler): ${ms(share.totalMs)} in all; by leaf: ` +
          share.leaves
            .slice(0, 6)
            .map((leaf) => `${leaf.name} ${ms(leaf.ms)}`)
            .join(', ') +
          '.',
      ],
    };
  });
}
