/**
 * What the extension costs Gmail's main thread: a 100-message thread in Gmail-like
 * chrome takes 5,000 DOM mutations in bursts, once where the content script runs
 * (https://mail.google.com/) and once where it does not (another origin, same page,
 * same browser), alternated to cancel drift. Main-thread time from CDP
 * Performance.getMetrics, which covers the content script's isolated world too.
 */
import type { Page } from 'playwright-core';
import { profileScript, type ScriptShare } from './lib/cpu-profile';
import { openExtensionSession, type ExtensionSession } from './lib/extension-session';
import { GMAIL_ORIGIN, openBenchPage, PLAIN_ORIGIN } from './lib/gmail-pages';
import { failedSection, verdict, type Section } from './lib/report';
import { ms, sleep } from './lib/stats';

const PAIRS = 5;
const BURSTS = 50;
const PER_BURST = 100;
const GAP_MS = 30;
/** After the last burst: the content script handles a burst at idle, within BURST_IDLE_TIMEOUT_MS (src/content/gmail/watch.ts). */
const TRAILING_MS = 1000;
/** After load: initial chips, lookups and page scripts finish before the measured window. */
const SETTLE_MS = 1500;
const GOAL_RATIO = 1.05;

interface Run {
  taskMs: number;
  cpuMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  records: number;
  nodes: number;
  chips: number;
}

async function metrics(session: ExtensionSession, page: Page) {
  const cdp = await session.browser.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => {
    const { metrics: list } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => (list.find((m) => m.name === name)?.value ?? 0) * 1000;
    return {
      task: get('TaskDuration'),
      cpu: get('ThreadTime'),
      script: get('ScriptDuration'),
      layout: get('LayoutDuration'),
      style: get('RecalcStyleDuration'),
    };
  };
}

async function runOnce(session: ExtensionSession, withExtension: boolean): Promise<Run> {
  const page = await openBenchPage(
    session.browser.context,
    'large',
    withExtension ? GMAIL_ORIGIN : PLAIN_ORIGIN,
  );
  try {
    if (withExtension) {
      await page.waitForFunction(
        'document.querySelectorAll("[data-vivre-email]").length >= 100',
        null,
        {
          timeout: 30_000,
        },
      );
    }
    await sleep(SETTLE_MS);
    const read = await metrics(session, page);
    const before = await read();
    const mutated = await page.evaluate<{ records: number; nodes: number }>(
      `window.vivreBenchMutate(${JSON.stringify({ bursts: BURSTS, perBurst: PER_BURST, gapMs: GAP_MS })})`,
    );
    await sleep(TRAILING_MS);
    const after = await read();
    const chips = await page.evaluate<number>(
      'document.querySelectorAll("[data-vivre-email]").length',
    );
    return {
      taskMs: after.task - before.task,
      cpuMs: after.cpu - before.cpu,
      scriptMs: after.script - before.script,
      layoutMs: after.layout - before.layout,
      styleMs: after.style - before.style,
      records: mutated.records,
      nodes: mutated.nodes,
      chips,
    };
  } finally {
    await page.close();
  }
}

/** One more run with the extension under the CPU profiler, to say where its time goes. */
async function profileRun(session: ExtensionSession): Promise<ScriptShare> {
  const page = await openBenchPage(session.browser.context, 'large', GMAIL_ORIGIN);
  try {
    await page.waitForFunction(
      'document.querySelectorAll("[data-vivre-email]").length >= 100',
      null,
      {
        timeout: 30_000,
      },
    );
    await sleep(SETTLE_MS);
    const cdp = await session.browser.context.newCDPSession(page);
    return await profileScript(cdp, 'content-scripts/gmail.js', async () => {
      await page.evaluate(
        `window.vivreBenchMutate(${JSON.stringify({ bursts: BURSTS, perBurst: PER_BURST, gapMs: GAP_MS })})`,
      );
      await sleep(TRAILING_MS);
    });
  } finally {
    await page.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export async function benchMainThread(): Promise<Section> {
  const title = 'Gmail: main-thread cost of 5,000 mutations, with vs without the extension';
  let session: ExtensionSession | undefined;
  try {
    session = await openExtensionSession({ reachable: true, rateLimit: 100_000 });
    // Warm both origins once (code caches, fonts) before anything is counted.
    await runOnce(session, true);
    await runOnce(session, false);
    const withRuns: Run[] = [];
    const withoutRuns: Run[] = [];
    for (let pair = 0; pair < PAIRS; pair++) {
      // ABBA order: a drift in the machine's load falls on both sides alike.
      const order = pair % 2 === 0 ? [true, false] : [false, true];
      for (const withExtension of order) {
        (withExtension ? withRuns : withoutRuns).push(await runOnce(session, withExtension));
      }
    }
    const share = await profileRun(session);
    if (withRuns.some((run) => run.chips === 0))
      throw new Error('The content script put no chips on the large page');
    const taskWith = median(withRuns.map((r) => r.taskMs));
    const taskWithout = median(withoutRuns.map((r) => r.taskMs));
    const ratio = taskWith / taskWithout;
    const pairRatios = withRuns.map((run, i) => run.taskMs / withoutRuns[i]!.taskMs);
    const cpuWith = median(withRuns.map((r) => r.cpuMs));
    const cpuWithout = median(withoutRuns.map((r) => r.cpuMs));
    const cpuRatio = cpuWith / cpuWithout;
    const runs = `${PAIRS} + ${PAIRS} runs`;
    const mean = (list: Run[], key: keyof Run) => median(list.map((r) => r[key]));
    return {
      title,
      method:
        `A page built from the real thread markup: ${BURSTS * PER_BURST} mutations (${BURSTS} bursts of ${PER_BURST}, ` +
        `${GAP_MS} ms apart: rows added/removed, classes and ARIA states toggled, text replaced, nodes added in ` +
        'message bodies), counted by a page MutationObserver. With the extension: the page at https://mail.google.com/ ' +
        `(content script running, chips on every participant); without: the same page at ${PLAIN_ORIGIN}. ` +
        'Main-thread time is the change in CDP Performance.getMetrics TaskDuration (all work on the renderer main thread, ' +
        `isolated worlds included) from before the first burst to ${TRAILING_MS} ms after the last. Median of ${PAIRS} runs each, ABBA order, after one warm-up of each.`,
      rows: [
        {
          metric: 'main-thread time with / without the extension (ratio of medians)',
          value: `${ratio.toFixed(3)}× (${ms(taskWith)} / ${ms(taskWithout)})`,
          samples: runs,
          goal: `≤ ${GOAL_RATIO}×`,
          verdict: verdict(ratio <= GOAL_RATIO),
        },
        {
          metric: 'main-thread CPU time (ThreadTime) with / without (ratio of medians)',
          value: `${cpuRatio.toFixed(3)}× (${ms(cpuWith)} / ${ms(cpuWithout)})`,
          samples: runs,
          goal: `≤ ${GOAL_RATIO}×`,
          verdict: verdict(cpuRatio <= GOAL_RATIO),
        },
        {
          metric: 'per-pair TaskDuration ratios',
          value: pairRatios.map((r) => `${r.toFixed(3)}×`).join(', '),
          samples: `${PAIRS} pairs`,
        },
        {
          metric: 'script time with / without (median)',
          value: `${ms(mean(withRuns, 'scriptMs'))} / ${ms(mean(withoutRuns, 'scriptMs'))}`,
          samples: runs,
        },
        {
          metric: 'layout + style time with / without (median)',
          value: `${ms(mean(withRuns, 'layoutMs') + mean(withRuns, 'styleMs'))} / ${ms(mean(withoutRuns, 'layoutMs') + mean(withoutRuns, 'styleMs'))}`,
          samples: runs,
        },
      ],
      notes: [
        `Where the content script's time goes (one more run under the CPU profiler, 0.2 ms sampling): ` +
          `${ms(share.totalMs)} sampled with it on the stack, ${BURSTS} bursts, so about ` +
          `${ms(share.totalMs / BURSTS)} per burst; by leaf: ` +
          share.leaves
            .slice(0, 6)
            .map((leaf) => `${leaf.name} ${ms(leaf.ms)}`)
            .join(', ') +
          '.',
        'TaskDuration is wall time spent in tasks, so on a shared machine it includes time the thread waited ' +
          'for a core; ThreadTime is the CPU time the main thread actually used, the steadier of the two here.',
        `Page size: ${withRuns[0]!.nodes.toLocaleString('en-US')} elements; mutation records per run: ${withRuns[0]!.records.toLocaleString('en-US')}; chips on the page: ${withRuns[0]!.chips}.`,
      ],
    };
  } catch (error) {
    return failedSection(title, error);
  } finally {
    await session?.close();
  }
}
