/**
 * The Gmail pages the browser benchmarks load, built from the real thread fixture and
 * served like the E2E harness serves fixtures: at https://mail.google.com/ through
 * context.route, so the manifest decides where the content script runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { readFixture } from '../../tests/e2e/harness';

/** A rep outside every fixture domain, so no participant is skipped as a colleague. */
export const BENCH_SIGNED_IN = 'bench.rep@vivre-bench.example';
export const GMAIL_ORIGIN = 'https://mail.google.com';
/** The same pages on an origin the content script does not match: "without the extension". */
export const PLAIN_ORIGIN = 'https://mail.vivre-bench.test';

const PARAM = 'vivre-bench';

export function inPageScript(name: string): string {
  return readFileSync(new URL(`../in-page/${name}`, import.meta.url), 'utf8');
}

/** Debian's DejaVu Sans (fonts-dejavu-core, which Chromium's and Firefox's packages pull in). */
const SYSTEM_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const FONT_PAGE = 'font';
/** Gmail's families, as the Google bar's real CSS names them (captured Gmail stylesheets). */
const GMAIL_FONT_STACK = '"Google Sans Text",Roboto,Helvetica,Arial,sans-serif';

/**
 * What a Gmail tab has done before it shows a thread or a list: loaded Gmail's web fonts and drawn
 * text with them (here its navigation). A page that had drawn nothing paid, in the first frame
 * after the thread was inserted, what a real tab paid at load: the font system's lookups of every
 * family named (ours and the page's), 5–9 ms of synchronous calls to the browser in a trace of a
 * new tab, both with the extension and without it. Gmail serves its families from
 * fonts.gstatic.com; the bench serves one system font under their names (a 404 where there is
 * none: the system's fonts then, as before).
 */
function loadedGmailChrome(): string {
  const faces = ['Google Sans Text', 'Google Sans', 'Roboto']
    .map(
      (family) =>
        `@font-face{font-family:'${family}';src:url(/gmail-font.ttf?${PARAM}=${FONT_PAGE})}`,
    )
    .join('');
  const links = ['Inbox', 'Starred', 'Snoozed', 'Sent', 'Drafts']
    .map((label) => `<a href="#${label.toLowerCase()}">${label}</a>`)
    .join(' ');
  return (
    `<style>${faces}body{font-family:${GMAIL_FONT_STACK}}</style>` +
    `<div role="navigation" aria-label="Mail">${links}</div>`
  );
}

/** Gmail's cleardot.gif (a 1×1 transparent GIF), as a data: URL. */
const CACHED_IMAGE =
  'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

/**
 * `html` with every image's source inlined, as a Gmail tab that has loaded finds its avatars and
 * spacer GIF in the browser's cache. Served over the bench's routed network, each image was a round
 * trip through the bench's own process (Playwright pauses every page request and answers from Node)
 * and the browser's UI thread, which also carries every extension message, inside the window the
 * chips are timed in. The cold chips' p50, in runs of 15–20 cold inserts on 2026-12-06: 69 and
 * 87 ms with the thread's 12 images routed, 62–68 ms with them inlined (48–63 ms with none at all).
 * Both sides of every with ÷ without ratio load the same pages.
 */
function imagesAsCached(html: string): string {
  return html.replace(/(<img\b[^>]*?\ssrc=")[^"]*(")/g, `$1${CACHED_IMAGE}$2`);
}

/** The thread fixture with its thread kept inert in a <template>, to be inserted on cue. */
export function threadShellPage(): string {
  const html = readFixture('thread-expanded-2025').replace(
    /<title>([^<]*) - [^\s<]+@[^\s<]+ - Gmail<\/title>/,
    `<title>$1 - ${BENCH_SIGNED_IN} - Gmail</title>`,
  );
  const open = html.indexOf('<body>') + '<body>'.length;
  const close = html.lastIndexOf('</body>');
  if (open < '<body>'.length || close < open) throw new Error('Unexpected thread fixture layout');
  return `${html.slice(0, open)}${loadedGmailChrome()}<template id="vivre-bench-thread">${imagesAsCached(html.slice(open, close))}</template>${html.slice(close)}`;
}

/** 100 expanded messages in Gmail-like chrome, built by inline scripts before document_idle. */
export function largeThreadPage(): string {
  const shell = threadShellPage();
  const scripts = ['inbox-row.js', 'large-thread.js', 'mutations.js']
    .map((name) => `<script>${inPageScript(name)}</script>`)
    .join('\n');
  const close = shell.lastIndexOf('</body>');
  return `${shell.slice(0, close)}${scripts}${shell.slice(close)}`;
}

/**
 * The 100-row inbox fixture (tests/fixtures/gmail/inbox-100-rows.html, real 2019-12 row markup)
 * with its list kept inert in a <template>, inserted on cue by bench/in-page/inbox-probe.js.
 * Its rep works at bluestone.example, as in the fixture: rep and colleague rows get no chip.
 */
export function inboxShellPage(): string {
  const html = readFixture('inbox-100-rows');
  const open = html.indexOf('<body>') + '<body>'.length;
  const close = html.lastIndexOf('</body>');
  if (open < '<body>'.length || close < open) throw new Error('Unexpected inbox fixture layout');
  const probe = `<script>${inPageScript('inbox-probe.js')}</script>`;
  return `${html.slice(0, open)}${loadedGmailChrome()}<template id="vivre-bench-inbox">${imagesAsCached(html.slice(open, close))}</template>${probe}${html.slice(close)}`;
}

/** A fixture's body, kept inert in a <template> with this id. */
function bodyTemplate(fixture: string, id: string): string {
  const html = readFixture(fixture);
  const open = html.indexOf('<body>') + '<body>'.length;
  const close = html.lastIndexOf('</body>');
  if (open < '<body>'.length || close < open) throw new Error(`Unexpected ${fixture} layout`);
  return `<template id="${id}">${imagesAsCached(html.slice(open, close))}</template>`;
}

/**
 * One tab for a working day (bench/day-in-a-tab.ts): the thread, the 100-row inbox and a compose
 * window, each kept inert in a <template>, shown in turn by bench/in-page/day-probe.js. The rep
 * works at bluestone.example, as in the inbox fixture.
 */
export function dayPage(): string {
  const templates = [
    bodyTemplate('thread-expanded-2025', 'vivre-day-thread'),
    bodyTemplate('inbox-100-rows', 'vivre-day-inbox'),
    bodyTemplate('compose-send', 'vivre-day-compose'),
  ].join('');
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    `<title>Inbox - ${DAY_SIGNED_IN} - Gmail</title></head><body>${loadedGmailChrome()}${templates}` +
    `<script>${inPageScript('day-probe.js')}</script></body></html>`
  );
}

/** The rep of the day page: the inbox fixture's own domain, so its rows of colleagues stay bare. */
export const DAY_SIGNED_IN = 'meenakshi.rao@bluestone.example';

const pages: Record<string, () => string> = {
  thread: threadShellPage,
  large: largeThreadPage,
  inbox: inboxShellPage,
  day: dayPage,
};

/** Registered after the harness's routes, so it answers first for bench pages. */
export async function serveBenchPages(context: BrowserContext): Promise<void> {
  const cache = new Map<string, string>();
  // What the pages load besides themselves (their images are inline: `imagesAsCached`) is
  // answered on the plain origin as the harness answers it on Gmail's (a 404 with a body), not
  // refused as the rest of the web is, so neither page does work the other does not: when the
  // rows' images were still loaded, the page with the extension alone loaded a response per row
  // (34 ms of the inbox's main thread in a trace, none of it the extension's).
  const plain = new URL(PLAIN_ORIGIN).hostname;
  await context.route(
    (url) => url.hostname === plain && !url.searchParams.has(PARAM),
    (route) => route.fulfill({ status: 404, body: '' }),
  );
  await context.route(
    (url) => url.searchParams.has(PARAM),
    async (route) => {
      const name = new URL(route.request().url()).searchParams.get(PARAM) ?? '';
      if (name === FONT_PAGE) {
        if (!existsSync(SYSTEM_FONT)) return route.fulfill({ status: 404, body: '' });
        return route.fulfill({
          status: 200,
          contentType: 'font/ttf',
          body: readFileSync(SYSTEM_FONT),
        });
      }
      const build = pages[name];
      if (!build) return route.fulfill({ status: 404, body: '' });
      if (!cache.has(name)) cache.set(name, build());
      return route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: cache.get(name)!,
      });
    },
  );
}

export async function openBenchPage(
  context: BrowserContext,
  name: keyof typeof pages & string,
  origin = GMAIL_ORIGIN,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/mail/u/0/?${PARAM}=${name}#inbox`);
  return page;
}

/**
 * How long a new tab is left after it is ready before a "new tab" sample is timed. A rep's Gmail
 * takes seconds to show its first view; the fixture is ready within a frame of its load, while
 * Chrome still draws the tab's loading animation in its own UI (its main thread, which routes
 * every extension message, busy ~11 ms in each 100 ms for ~300 ms, in a trace). Timed at once,
 * a cold insert took 6.5–7 ms longer at p50 (two paired runs of 32 + 32 inserts), none of it the extension's.
 */
export const NEW_TAB_SETTLE_MS = 1000;

/** Waits until a new tab has settled as a rep's would have (NEW_TAB_SETTLE_MS). */
export const newTabSettled = (page: Page) => page.waitForTimeout(NEW_TAB_SETTLE_MS);
