/**
 * Popup open → interactive, against an empty extension page opened the same way in the same
 * run: popup.html and an empty page (one module script that sets the same mark) are opened in
 * turn, each in a new tab of the built extension connected to the sandbox, and each reports
 * performance.mark('vivre-popup-interactive') relative to its navigation start.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ExtensionBrowser } from '../tests/e2e/harness';
import { benchInSession } from './lib/extension-session';
import { verdict, type Section } from './lib/report';
import { ms, summarize } from './lib/stats';

const SAMPLES = 40;
const WARMUP = 3;
const GOAL_RATIO = 1.3;
const MARK = 'vivre-popup-interactive';
const EMPTY_PAGE = 'bench-empty.html';

/**
 * The baseline: an extension page that loads one module script, which sets the mark. Written
 * into this session's own copy of the build (each profile loads a copy, tests/e2e/harness/
 * browser.ts), so it never ships: nothing in .output or the store packages changes.
 */
function addEmptyPage(browser: ExtensionBrowser): void {
  const dir = `${browser.userDataDir}.extension`;
  writeFileSync(
    path.join(dir, EMPTY_PAGE),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>empty</title>' +
      '<script type="module" src="/bench-empty.js"></script></head><body></body></html>',
  );
  writeFileSync(path.join(dir, 'bench-empty.js'), `performance.mark('${MARK}');\n`);
}

interface Open {
  mark: number;
  loaded: number;
}

async function openAndMeasure(browser: ExtensionBrowser, file: string): Promise<Open> {
  const page = await browser.context.newPage();
  try {
    await page.goto(browser.extensionUrl(file));
    // A string through CDP: extension pages' CSP refuses Playwright's eval-based waitForFunction.
    return await page.evaluate<Open>(`new Promise((resolve, reject) => {
      setTimeout(() => reject(new Error('no ${MARK} mark within 15 s')), 15000);
      new PerformanceObserver((list, observer) => {
        const entry = list.getEntriesByName('${MARK}')[0];
        if (entry) {
          observer.disconnect();
          const navigation = performance.getEntriesByType('navigation')[0];
          resolve({ mark: entry.startTime, loaded: navigation ? navigation.domContentLoadedEventEnd : NaN });
        }
      }).observe({ type: 'mark', buffered: true });
    })`);
  } finally {
    await page.close();
  }
}

export async function benchPopup(): Promise<Section> {
  const title = 'Popup: open → interactive, against an empty extension page';
  return benchInSession(title, { reachable: true, rateLimit: 100_000 }, async ({ browser }) => {
    addEmptyPage(browser);
    const popup: Open[] = [];
    const empty: Open[] = [];
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      // Alternating, and swapping who goes first each round, so drift in the machine's load
      // falls on both sides alike.
      const order = i % 2 === 0 ? ['popup.html', EMPTY_PAGE] : [EMPTY_PAGE, 'popup.html'];
      for (const file of order) {
        const at = await openAndMeasure(browser, file);
        if (i >= WARMUP) (file === EMPTY_PAGE ? empty : popup).push(at);
      }
    }
    const times = summarize(popup.map((o) => o.mark));
    const baseline = summarize(empty.map((o) => o.mark));
    const loaded = summarize(popup.map((o) => o.loaded));
    const ratio = times.p50 / baseline.p50;
    const pairRatios = summarize(popup.map((o, i) => o.mark / empty[i]!.mark));
    const samples = `${times.n} + ${baseline.n} opens`;
    return {
      title,
      method:
        `chrome-extension://<id>/popup.html and an empty extension page (one module script that ` +
        `sets the mark) opened ${WARMUP + SAMPLES} times each, alternately, each in a new tab of ` +
        "the built extension (connected to the sandbox); the value is the startTime of the page's " +
        `performance.mark('${MARK}'), from navigation start to the form being usable (the popup ` +
        `sets it once its form is rendered from this browser's own storage). The first ${WARMUP} ` +
        'rounds warm the code cache and are not counted. The tab is not a Gmail thread, so the ' +
        'popup opens on the contact search box.',
      rows: [
        {
          metric: 'popup ÷ empty page, ratio of p50s',
          value: `${ratio.toFixed(2)}× (${ms(times.p50)} / ${ms(baseline.p50)})`,
          samples,
          goal: `≤ ${GOAL_RATIO}×`,
          verdict: verdict(ratio <= GOAL_RATIO),
        },
        {
          metric: 'popup open → interactive p50 / p95',
          value: `${ms(times.p50)} / ${ms(times.p95)}`,
          samples,
        },
        {
          metric: 'empty extension page p50 / p95',
          value: `${ms(baseline.p50)} / ${ms(baseline.p95)}`,
          samples,
        },
        {
          metric: 'per-round ratio p50 / p95',
          value: `${pairRatios.p50.toFixed(2)}× / ${pairRatios.p95.toFixed(2)}×`,
          samples: `${pairRatios.n} rounds`,
        },
      ],
      notes: [
        `Popup min ${ms(times.min)}, max ${ms(times.max)}; empty page min ${ms(baseline.min)}, max ${ms(baseline.max)}.`,
        `Popup DOMContentLoaded p50 ${ms(loaded.p50)}: the popup renders from storage.local and ` +
          'storage.session first (draft, recent contacts, the outbox and connection as last ' +
          'published) and asks the worker only after it is interactive.',
      ],
    };
  });
}
