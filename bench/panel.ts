/**
 * The panel beside the email, against the popup's open in the same run: Chrome's real side panel
 * (chrome.sidePanel.open, given the user gesture it requires through CDP's Runtime.evaluate
 * `userGesture`), beside a Gmail thread of four people outside the rep's company.
 *
 * - Open → first person drawn: from the panel document's navigation start to its
 *   performance.mark('vivre-panel-first-drawn'), set once the followed tab's people are drawn with
 *   their answers from Vivre (lib/pages/panel/marks.ts).
 * - Thread switch → panel updated: from the moment Gmail's page swaps in another thread (its
 *   markup replaced and a new address pushed, as Gmail does) to the panel's next
 *   'vivre-panel-redrawn' mark, on one clock (each side's timeOrigin + now, corrected by their
 *   measured offset).
 * - The popup's open → interactive, as bench/popup.ts measures it, over an ordinary tab, in
 *   rotation with the panel's opens, so both ratios divide numbers from the same minutes.
 */
import type { Page } from 'playwright-core';
import { fixtureVariant, openGmailHtml, type ExtensionBrowser } from '../tests/e2e/harness';
import { REP_ELSEWHERE } from '../tests/fixtures/gmail/variants';
import { PANEL_MARKS } from '../lib/pages/panel/marks';
import { benchInSession } from './lib/extension-session';
import type { Section } from './lib/report';
import { ms, sleep, summarize } from './lib/stats';
import { openAndMeasure } from './popup';
import { addEmptyPage, EMPTY_PAGE } from './popup-pages';

const OPENS = 20;
const SWITCHES = 30;
const WARMUP = 3;
const THREAD = 'thread-expanded-2025';
const THREAD_HASH = '#inbox/FMfcgzQbgRnTzTkLmWQbvhxZPTnRbXvC';
/** Thread B: other people in the same markup, so each switch changes who the panel lists. */
const THREAD_B: [string, string][] = [
  ['rahul.sharma@acme-tech.example', 'sneha.kulkarni@acme-tech.example'],
  ['Rahul Sharma', 'Sneha Kulkarni'],
  ['ananya.iyer@bluestone.example', 'deepa.menon@kiran-logistics.example'],
  ['Ananya Iyer', 'Deepa Menon'],
];

/** The side panel's window object, found from an extension page (the reader). */
const PANEL_VIEW = `chrome.extension.getViews().find((v) => v.location.pathname === '/sidepanel.html')`;

/** Resolves with `expression`'s value in the panel once it is not undefined; polled by the reader. */
const inPanel = (expression: string) => `new Promise((resolve, reject) => {
  const started = Date.now();
  (function poll() {
    const view = ${PANEL_VIEW};
    const value = view ? (${expression}) : undefined;
    if (value !== undefined) return resolve(value);
    if (Date.now() - started > 15000) return reject(new Error('the panel did not answer within 15 s'));
    setTimeout(poll, 5);
  })();
})`;

const lastMark = (name: string) => `view.performance.getEntriesByName('${name}').at(-1)`;

/** Opens the real side panel with a user gesture; ms from its navigation start to its first person. */
async function openPanel(browser: ExtensionBrowser, reader: Page): Promise<number> {
  const cdp = await browser.context.newCDPSession(reader);
  const { result } = await cdp.send('Runtime.evaluate', {
    expression: `chrome.sidePanel.open({ windowId: chrome.windows.WINDOW_ID_CURRENT }).then(() => 'opened', (e) => e.message)`,
    userGesture: true,
    awaitPromise: true,
  });
  await cdp.detach();
  if (result.value !== 'opened') throw new Error(`the side panel did not open: ${result.value}`);
  return reader.evaluate<number>(inPanel(`${lastMark(PANEL_MARKS['first-drawn'])}?.startTime`));
}

/**
 * Closes the side panel and waits until its document is gone, so the next open measures a new
 * one (the panel's own window.close() is not always honoured; chrome.sidePanel.close is, 141+).
 */
const closePanel = (reader: Page) =>
  reader.evaluate(`chrome.windows.getCurrent().then((w) => chrome.sidePanel.close({ windowId: w.id })).then(
    () => new Promise((resolve) => (function gone() { ${PANEL_VIEW} ? setTimeout(gone, 5) : resolve(); })()))`);

/** How far the panel's clock runs ahead of the Gmail page's, against Date.now(). */
async function clockSkew(reader: Page, gmail: Page): Promise<number> {
  const offset = (of: string) => `${of}.timeOrigin + ${of}.now() - Date.now()`;
  let sum = 0;
  for (let i = 0; i < 5; i++) {
    sum +=
      (await reader.evaluate<number>(inPanel(offset('view.performance')))) -
      (await gmail.evaluate<number>(offset('performance')));
  }
  return sum / 5;
}

/** Swaps the other thread in (as Gmail does) and returns ms until the panel drew its people. */
async function switchThread(reader: Page, gmail: Page, html: string, hash: string, skew: number) {
  const before = await reader.evaluate<number>(
    inPanel(`view.performance.getEntriesByName('${PANEL_MARKS.redrawn}').length`),
  );
  const swappedAt = await gmail.evaluate(
    ({ next, to }) => {
      const at = performance.timeOrigin + performance.now();
      const main = new DOMParser().parseFromString(next, 'text/html').querySelector('[role=main]');
      document.querySelector('[role=main]')!.replaceWith(document.importNode(main!, true));
      history.pushState(null, '', to);
      return at;
    },
    { next: html, to: hash },
  );
  const drawnAt = await reader.evaluate<number>(
    inPanel(
      `view.performance.getEntriesByName('${PANEL_MARKS.redrawn}').length > ${before} ? ` +
        `view.performance.timeOrigin + ${lastMark(PANEL_MARKS.redrawn)}.startTime : undefined`,
    ),
  );
  return drawnAt - skew - swappedAt;
}

export async function benchPanel(): Promise<Section> {
  const title =
    'Panel beside the email: open → first person, thread switch → updated, against the popup';
  return benchInSession(title, { reachable: true, rateLimit: 100_000 }, async ({ browser }) => {
    addEmptyPage(`${browser.userDataDir}.extension`);
    const blank = await browser.context.newPage();
    await blank.goto('about:blank');
    const reader = await browser.context.newPage();
    await reader.goto(browser.extensionUrl(EMPTY_PAGE));
    const threads = [
      fixtureVariant(THREAD, REP_ELSEWHERE),
      fixtureVariant(THREAD, [...REP_ELSEWHERE, ...THREAD_B]),
    ];
    const gmail = await openGmailHtml(browser, threads[0]!, THREAD_HASH);

    const popup: number[] = [];
    const opened: number[] = [];
    for (let i = 0; i < WARMUP + OPENS; i++) {
      // The popup over an ordinary tab, as bench/popup.ts opens it; the panel beside the thread.
      await blank.bringToFront();
      const popupOpen = await openAndMeasure(browser, reader, 'popup.html');
      await gmail.bringToFront();
      const panelOpen = await openPanel(browser, reader);
      await closePanel(reader);
      await sleep(200);
      if (i < WARMUP) continue;
      popup.push(popupOpen.mark);
      opened.push(panelOpen);
    }

    await gmail.bringToFront();
    await openPanel(browser, reader);
    const skew = await clockSkew(reader, gmail);
    const switched: number[] = [];
    for (let i = 0; i < WARMUP + SWITCHES; i++) {
      const to = (i + 1) % 2;
      const took = await switchThread(reader, gmail, threads[to]!, `#inbox/thread${to}x${i}`, skew);
      if (i >= WARMUP) switched.push(took);
      await sleep(100);
    }
    await closePanel(reader);

    const base = summarize(popup);
    const open = summarize(opened);
    const update = summarize(switched);
    const ratio = (value: number) => `${(value / base.p50).toFixed(2)}×`;
    return {
      title,
      method:
        "Chrome's real side panel, opened with chrome.sidePanel.open() from an extension page " +
        "given a user gesture through CDP (Runtime.evaluate's userGesture, as a rep's click " +
        'gives one), beside the thread fixture (rep outside every participant domain: four ' +
        'people). Open: navigation start to the panel\'s "vivre-panel-first-drawn" mark (its ' +
        'people drawn with their answers, one lookup message to the worker, warm cache after ' +
        "the first). Switch: Gmail's thread markup replaced and a new address pushed, to the " +
        'panel\'s next "vivre-panel-redrawn" mark, on one clock. The popup\'s open is ' +
        "bench/popup.ts's measure (chrome.action.openPopup over an ordinary tab, navigation start " +
        `to its interactive mark), taken in rotation with the panel's opens. The first ${WARMUP} ` +
        'rounds of each are not counted.',
      rows: [
        {
          metric: 'panel open → first person drawn ÷ popup open, ratio of p50s',
          value: `${ratio(open.p50)} (${ms(open.p50)} / ${ms(base.p50)})`,
          samples: `${open.n} + ${base.n} opens`,
        },
        {
          metric: 'thread switch → panel updated ÷ popup open, ratio of p50s',
          value: `${ratio(update.p50)} (${ms(update.p50)} / ${ms(base.p50)})`,
          samples: `${update.n} switches`,
        },
        {
          metric: 'panel open → first person p50 / p95',
          value: `${ms(open.p50)} / ${ms(open.p95)}`,
        },
        {
          metric: 'thread switch → updated p50 / p95',
          value: `${ms(update.p50)} / ${ms(update.p95)}`,
        },
        {
          metric: 'popup open → interactive p50 / p95',
          value: `${ms(base.p50)} / ${ms(base.p95)}`,
        },
      ],
      notes: [
        `Panel open min ${ms(open.min)}, max ${ms(open.max)}; switch min ${ms(update.min)}, max ${ms(update.max)}.`,
        'A switch is drawn after the content script reads the thread at its next mutation burst ' +
          '(next frame, or idle within 40 ms), posts the people over its port, and the panel ' +
          'asks the worker once for all of them.',
      ],
    };
  });
}
