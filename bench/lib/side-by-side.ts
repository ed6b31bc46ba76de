/**
 * The same bursts of mutations on two pages at once, with and without the extension, each page
 * in a browser of its own, their bursts taking turns: what a page's main thread spent is read
 * from each page's CDP Performance.getMetrics, over the same seconds of the machine.
 *
 * Why at once: one run of 5,000 mutations moves by ±10–20% with the machine from one minute to
 * the next, everything in it alike (layout, style, even the page's own script), and pages run one
 * after the other, even in ABBA order, carried that drift into each pair: A/A checks with no
 * content script on either side (the inbox page, 2026-12-06) gave pairs from 0.82× to 1.25×.
 * The same check with the two pages at once gave pairs from 0.97× to 1.10× (1.009× and 1.003×
 * for the ratio of medians, twice 10–12 pairs). Two browsers, not two tabs of one: in one
 * headless browser the tab opened first painted far less while the other was open (0.39× in an
 * A/A check), whichever origin it was.
 *
 * Why in turn, half a gap apart: at the same instant both pages want a core for the same work
 * (an A/A check with the bursts at the same instant: pairs 0.93–1.13×); half a gap apart, each
 * page's burst lands while the other's is mostly done.
 */
import type { Page } from 'playwright-core';
import type { ExtensionSession } from './extension-session';
import { sleep } from './stats';

/** What a run reports, in ms, and the CDP Performance.getMetrics entry each comes from. */
export const TIMES = {
  taskMs: 'TaskDuration',
  cpuMs: 'ThreadTime',
  scriptMs: 'ScriptDuration',
  layoutMs: 'LayoutDuration',
  styleMs: 'RecalcStyleDuration',
} as const;
export type Times = Record<keyof typeof TIMES, number>;

/** Reads the page's main-thread times now; subtract two readings for a window. */
export async function timesReader(
  session: ExtensionSession,
  page: Page,
): Promise<() => Promise<Times>> {
  const cdp = await session.browser.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    const entries = Object.entries(TIMES).map(([key, name]) => [key, get(name)]);
    return Object.fromEntries(entries) as Times;
  };
}

export interface SideBySidePage {
  session: ExtensionSession;
  page: Page;
}

export interface Bursts {
  /**
   * The page's function that starts counting records and returns `{ burst(n), end() }`
   * (bench/in-page/mutations.js, bench/in-page/inbox-probe.js).
   */
  start: string;
  count: number;
  perBurst: number;
  /** Between two bursts of one page; the other page's burst comes halfway. */
  gapMs: number;
  /** After the last burst, still counted: the content script catches up. */
  trailingMs: number;
}

/**
 * Runs `bursts` on both pages, `first`'s half a gap ahead of `second`'s; returns each page's
 * main-thread times over the window and what its `end()` returned, in the order given.
 */
export async function mutateSideBySide<End>(
  first: SideBySidePage,
  second: SideBySidePage,
  bursts: Bursts,
): Promise<[Times & End, Times & End]> {
  const both = [first, second];
  const handle = 'window.__vivreSideBySide';
  for (const { page } of both) {
    await page.evaluate(`${handle} = ${bursts.start}({ perBurst: ${bursts.perBurst} }); 0`);
  }
  const readers = await Promise.all(both.map(({ session, page }) => timesReader(session, page)));
  const before = await Promise.all(readers.map((read) => read()));
  // Each burst at its own time from the start, so the CDP round trips do not stretch the gaps.
  const start = performance.now();
  for (let burst = 0; burst < bursts.count; burst++) {
    for (const [i, { page }] of both.entries()) {
      await sleep(start + (burst + i / 2) * bursts.gapMs - performance.now());
      await page.evaluate(`${handle}.burst(${burst})`);
    }
  }
  await sleep(bursts.trailingMs);
  const after = await Promise.all(readers.map((read) => read()));
  const ends = await Promise.all(both.map(({ page }) => page.evaluate<End>(`${handle}.end()`)));
  const spent = (i: number) => {
    const keys = Object.keys(TIMES) as (keyof Times)[];
    const times = Object.fromEntries(keys.map((key) => [key, after[i]![key] - before[i]![key]]));
    return { ...(times as Times), ...ends[i]! };
  };
  return [spent(0), spent(1)];
}

/** One side of a pair: its browser, and how it opens its page. */
export interface PairSide {
  session: ExtensionSession;
  open(): Promise<Page>;
}

export interface PairOptions {
  /** Whose bursts lead: the page with the extension's, or the other's. */
  withFirst: boolean;
  bursts: Bursts;
  /** Readies both pages, loaded together, before the bursts; the same for both. */
  settle(withPage: Page, withoutPage: Page): Promise<void>;
}

/**
 * One pair of runs: both pages opened together and settled together (so neither window holds
 * more of what follows a load: compiling, decoding, collecting garbage), their bursts side by
 * side, then `read` on the page with the extension before both close, whatever failed.
 */
export async function runPair<End, Read>(
  sides: { with: PairSide; without: PairSide },
  { withFirst, bursts, settle }: PairOptions,
  read: (withPage: Page) => Promise<Read>,
): Promise<{ with: Times & End; without: Times & End; read: Read }> {
  const opened = await Promise.allSettled([sides.with.open(), sides.without.open()]);
  try {
    const [withPage, withoutPage] = opened.map((result) => {
      if (result.status === 'rejected') throw result.reason;
      return result.value;
    }) as [Page, Page];
    await settle(withPage, withoutPage);
    const pair: SideBySidePage[] = [
      { session: sides.with.session, page: withPage },
      { session: sides.without.session, page: withoutPage },
    ];
    if (!withFirst) pair.reverse();
    const ran = await mutateSideBySide<End>(pair[0]!, pair[1]!, bursts);
    const [withRun, withoutRun] = withFirst ? ran : [ran[1], ran[0]];
    return { with: withRun, without: withoutRun, read: await read(withPage) };
  } finally {
    await Promise.allSettled(
      opened.map((result) => (result.status === 'fulfilled' ? result.value.close() : undefined)),
    );
  }
}
