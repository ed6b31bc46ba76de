/**
 * Popup open → interactive, as reps open it: the toolbar popup itself (chrome.action.openPopup),
 * against an empty extension page opened as the toolbar popup the same way in the same run. Each
 * reports performance.mark('vivre-popup-interactive') relative to its navigation start, read by
 * an extension page through chrome.extension.getViews once the popup has loaded.
 *
 * Why the real popup and not popup.html in a tab: Chrome keeps a toolbar popup hidden until its
 * load event and only then sizes and shows it, so that is what a rep waits for; a tab adds the
 * tab's own creation to both sides and doubles the run-to-run noise (1.3× to 1.8× over
 * 2026-11-26's runs).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { extensionWorker, type ExtensionBrowser } from '../tests/e2e/harness';
import { benchInSession } from './lib/extension-session';
import { verdict, type Section } from './lib/report';
import { ms, summarize } from './lib/stats';

const SAMPLES = 40;
const WARMUP = 3;
const GOAL_RATIO = 1.3;
const MARK = 'vivre-popup-interactive';
const EMPTY_PAGE = 'bench-empty.html';
/** Between a popup's close and the next open, for the browser to finish with the last one. */
const SETTLE_MS = 200;

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
  /** The mark's startTime, ms from the popup's navigation start. */
  mark: number;
  /** Its load event, when Chrome shows it. */
  loaded: number;
}

/**
 * The popup open now, once loaded: its mark and load time; then it is closed. Polled from an
 * extension page, which can reach the popup's window (chrome.extension.getViews); a string
 * through CDP, as extension pages' CSP refuses Playwright's eval-based functions.
 */
const READ_POPUP = `new Promise((resolve, reject) => {
  const started = Date.now();
  (function poll() {
    const view = chrome.extension.getViews({ type: 'popup' })[0];
    const mark = view && view.performance.getEntriesByName('${MARK}', 'mark')[0];
    const navigation = view && view.performance.getEntriesByType('navigation')[0];
    if (mark && navigation && navigation.loadEventEnd > 0) {
      const open = { mark: mark.startTime, loaded: navigation.loadEventEnd };
      view.close();
      return resolve(open);
    }
    if (Date.now() - started > 15000) return reject(new Error('no ${MARK} mark within 15 s'));
    setTimeout(poll, 10);
  })();
})`;

/** Opens `file` as the toolbar popup and measures it from `reader`, an extension page. */
async function openAndMeasure(
  browser: ExtensionBrowser,
  reader: Page,
  file: string,
): Promise<Open> {
  const worker = await extensionWorker(browser);
  await worker.evaluate(`chrome.action.setPopup({ popup: '${file}' })`);
  await worker.evaluate('chrome.action.openPopup()');
  const open = await reader.evaluate<Open>(READ_POPUP);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  return open;
}

export async function benchPopup(): Promise<Section> {
  const title = 'Popup: open → interactive, against an empty extension page';
  return benchInSession(title, { reachable: true, rateLimit: 100_000 }, async ({ browser }) => {
    addEmptyPage(browser);
    // The tab the popup opens over: not Gmail, so the popup opens on the contact search box.
    const tab = await browser.context.newPage();
    await tab.goto('about:blank');
    // The extension page that reads each popup; the tab stays the active one.
    const reader = await browser.context.newPage();
    await reader.goto(browser.extensionUrl('bench-empty.html'));
    await tab.bringToFront();
    const popup: Open[] = [];
    const empty: Open[] = [];
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      // Alternating, and swapping who goes first each round, so drift in the machine's load
      // falls on both sides alike.
      const order = i % 2 === 0 ? ['popup.html', EMPTY_PAGE] : [EMPTY_PAGE, 'popup.html'];
      for (const file of order) {
        const at = await openAndMeasure(browser, reader, file);
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
        'The toolbar popup, opened with chrome.action.openPopup() over an ordinary tab, showing ' +
        'popup.html or an empty extension page (one module script that sets the mark; ' +
        `chrome.action.setPopup switches between them) ${WARMUP + SAMPLES} times each, ` +
        'alternately, in the built extension connected to the sandbox. The value is the ' +
        `startTime of the page's performance.mark('${MARK}'), from navigation start to the form ` +
        "being usable (the popup sets it once its form is rendered from this browser's own " +
        'storage and the contact box has the focus). Chrome shows a toolbar popup after its load ' +
        `event. The first ${WARMUP} rounds warm the code cache and are not counted.`,
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
        `Popup load event (when Chrome shows it) p50 ${ms(loaded.p50)}: the popup renders from ` +
          'storage.local and storage.session first (draft, recent contacts, the outbox and ' +
          'connection as last published) and asks the worker only after it is interactive.',
      ],
    };
  });
}
