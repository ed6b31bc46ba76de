/**
 * A working day in one Gmail tab (reps never close Gmail): 1,000 thread opens, 250 inbox pages of
 * people never seen before (22,500 addresses) and 100 composes opened and closed, in one page,
 * with the extension (https://mail.google.com/) and without it (another origin, same page), one
 * after the other in the same browser. Reports what stays behind: the JS heap after GC between the
 * 100th and the 1,000th thread, our hosts and the document's listeners once the views are gone,
 * and the worker's contact cache after the day. The bounded version, counts only, is
 * tests/unit/lib/content/day-in-a-tab.test.ts.
 */
import type { CDPSession, Page } from 'playwright-core';
import { openExtensionPage } from '../tests/e2e/harness';
import { MAX_CACHED_ADDRESSES } from '../lib/worker/lookups/cache';
import { benchInSession, type ExtensionSession } from './lib/extension-session';
import { DAY_SIGNED_IN, GMAIL_ORIGIN, openBenchPage, PLAIN_ORIGIN } from './lib/gmail-pages';
import { verdict, type Section } from './lib/report';
import { ms, sleep, summarize } from './lib/stats';

const THREADS = 1000;
const INBOX_EVERY = 4; // 250 inbox pages
const COMPOSE_EVERY = 10; // 100 composes
const CHECKPOINTS = [100, THREADS];
const HEAP_GOAL_BYTES = 2_000_000;
const OWN_DOMAIN = DAY_SIGNED_IN.split('@')[1]!;

interface Checkpoint {
  heap: number;
  hosts: number;
  elements: number;
  listeners: number;
}

interface Day {
  checkpoints: Checkpoint[];
  /** Thread open → two frames later, per thread, in ms (page clock). */
  threadMs: number[];
  /** Inbox pages' people looked up while their page showed, and how many there were. */
  pagePeople: { cached: number; shown: number };
  /** The last inbox page's people. */
  lastPage: string[];
}

async function listenerCount(cdp: CDPSession, expression: string): Promise<number> {
  const { result } = await cdp.send('Runtime.evaluate', { expression });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
    objectId: result.objectId!,
  });
  return listeners.length;
}

/** With every view gone and the page idle: what is left, after two garbage collections. */
async function checkpoint(page: Page, cdp: CDPSession): Promise<Checkpoint> {
  await page.evaluate('window.vivreDay.clear()');
  await sleep(500);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { hosts, elements } = await page.evaluate<{ hosts: number; elements: number }>(
    'window.vivreDay.count()',
  );
  const listeners = (await listenerCount(cdp, 'document')) + (await listenerCount(cdp, 'window'));
  return { heap: usedSize, hosts, elements, listeners };
}

/**
 * The worker's contact cache, read from an extension page: how many addresses it holds, how many
 * of `wanted` among them, and the extension origin's storage.
 */
function readCache(reader: Page, wanted: string[]) {
  return reader.evaluate(async (emails: string[]) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('vivre-lookups');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const store = db.transaction('contacts').objectStore('contacts');
    // No named helper here: the bundler would wrap it in a call the page does not have.
    const requests: IDBRequest[] = [store.count(), ...emails.map((email) => store.getKey(email))];
    const [addresses, ...keys] = await Promise.all(
      requests.map(
        (request) =>
          new Promise<unknown>((resolve, reject) => {
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          }),
      ),
    );
    db.close();
    const { usage } = await navigator.storage.estimate();
    return {
      addresses: addresses as number,
      cached: keys.filter((key) => key !== undefined).length,
      usage: usage ?? 0,
    };
  }, wanted);
}

/**
 * Shows inbox page `n`. With the extension, the rep stays on it until the worker has looked up
 * all its people (rows out of view are asked for too, behind those in view), at most 15 s, as a
 * rep reads a page; how many were: returned. Gmail's next view would otherwise give up those
 * still queued (lib/worker/lookups/address-requests.ts), and the day would meet far fewer than
 * its 20,000 and more addresses.
 */
async function showInbox(page: Page, n: number, reader: Page | null) {
  const people = await page.evaluate<string[]>(
    `window.vivreDay.openInbox(${n}, ${JSON.stringify(OWN_DOMAIN)})`,
  );
  if (!reader) return { people, cached: 0 };
  const started = performance.now();
  for (;;) {
    const { cached } = await readCache(reader, people);
    if (cached === people.length || performance.now() - started > 15_000) return { people, cached };
    await sleep(100);
  }
}

/**
 * `reader`: an extension page to read the worker's cache from, with the extension; opened before
 * the day's page, so that one is the tab in front (a tab behind gets no animation frames, and
 * the day's views are timed with them).
 */
async function liveADay(session: ExtensionSession, reader: Page | null): Promise<Day> {
  const page = await openBenchPage(
    session.browser.context,
    'day',
    reader ? GMAIL_ORIGIN : PLAIN_ORIGIN,
  );
  try {
    const cdp = await session.browser.context.newCDPSession(page);
    await cdp.send('DOM.enable');
    const day: Day = {
      checkpoints: [],
      threadMs: [],
      pagePeople: { cached: 0, shown: 0 },
      lastPage: [],
    };
    for (let thread = 1; thread <= THREADS; thread++) {
      day.threadMs.push(await page.evaluate<number>(`window.vivreDay.timeThread(${thread})`));
      if (thread % COMPOSE_EVERY === 0) {
        await page.evaluate(`window.vivreDay.openAndCloseCompose(${thread})`);
      }
      if (thread % INBOX_EVERY === 0) {
        const { people, cached } = await showInbox(page, thread / INBOX_EVERY, reader);
        day.pagePeople.cached += cached;
        day.pagePeople.shown += people.length;
        day.lastPage = people;
      }
      if (CHECKPOINTS.includes(thread)) day.checkpoints.push(await checkpoint(page, cdp));
    }
    return day;
  } finally {
    await page.close();
  }
}

const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(2)} MB`;

export async function benchDayInATab(): Promise<Section> {
  const title = 'A day in one Gmail tab: what stays behind';
  return benchInSession(title, { reachable: true, rateLimit: 100_000 }, async (session) => {
    const reader = await openExtensionPage(session.browser);
    const withDay = await liveADay(session, reader);
    // Each page waited for its people, so the last one's are cached unless it timed out.
    const cache = await readCache(reader, withDay.lastPage);
    await reader.close();
    const lastPageCached = cache.cached === withDay.lastPage.length;
    const withoutDay = await liveADay(session, null);
    const growth = (day: Day) => day.checkpoints[1]!.heap - day.checkpoints[0]!.heap;
    const [at100, atEnd] = withDay.checkpoints as [Checkpoint, Checkpoint];
    const [bare100, bareEnd] = withoutDay.checkpoints as [Checkpoint, Checkpoint];
    const early = summarize(withDay.threadMs.slice(0, 100));
    const late = summarize(withDay.threadMs.slice(-100));
    if (withDay.pagePeople.cached === 0) throw new Error('No inbox row’s person was looked up');
    return {
      title,
      method:
        `One page holding the real thread, 100-row inbox and compose markup, shown in turn the way Gmail swaps its ` +
        `main view: ${THREADS} thread opens (50 casts of people), an inbox page of 100 rows of new people every ` +
        `${INBOX_EVERY} threads (${THREADS / INBOX_EVERY} pages), shown until the worker has looked up all its people ` +
        `(at most 15 s; read from an extension page), a compose ` +
        `opened and closed every ${COMPOSE_EVERY} (bench/in-page/day-probe.js). At the 100th and the ${THREADS}th ` +
        'thread every view is removed and, after two forced garbage collections, the JS heap (page and content ' +
        'script share one V8 isolate; CDP Runtime.getHeapUsage), our hosts and the listeners on document and ' +
        `window (CDP DOMDebugger.getEventListeners) are read. Then the same day at ${PLAIN_ORIGIN}, without the extension.`,
      rows: [
        {
          metric: `JS heap after GC, growth from thread 100 to thread ${THREADS}, with the extension`,
          value: `${mb(growth(withDay))} (${mb(at100.heap)} → ${mb(atEnd.heap)})`,
          samples: '1 day',
          goal: `≤ ${mb(HEAP_GOAL_BYTES)}`,
          verdict: verdict(growth(withDay) <= HEAP_GOAL_BYTES),
        },
        {
          metric: 'the same growth without the extension',
          value: `${mb(growth(withoutDay))} (${mb(bare100.heap)} → ${mb(bareEnd.heap)})`,
          samples: '1 day',
        },
        {
          metric: 'our hosts left once every view is gone (thread 100 / end)',
          value: `${at100.hosts} / ${atEnd.hosts}`,
          goal: '0 / 0',
          verdict: verdict(at100.hosts === 0 && atEnd.hosts === 0),
        },
        {
          metric:
            'listeners on document and window, with / without the extension (thread 100 → end)',
          value: `${at100.listeners} → ${atEnd.listeners} / ${bare100.listeners} → ${bareEnd.listeners}`,
          goal: 'no growth',
          verdict: verdict(atEnd.listeners <= at100.listeners),
        },
        {
          metric: `worker's contact cache after ${withDay.pagePeople.shown.toLocaleString('en-US')} inbox rows' new people`,
          value:
            `${withDay.pagePeople.cached.toLocaleString('en-US')} of them looked up while their page showed; ` +
            `${cache.addresses.toLocaleString('en-US')} addresses cached` +
            `${lastPageCached ? ', the last page’s people among them' : `, only ${cache.cached} of the last page’s ${withDay.lastPage.length} people among them`}; ` +
            `extension origin storage ${mb(cache.usage)}`,
          goal: `≤ ${MAX_CACHED_ADDRESSES.toLocaleString('en-US')} (LRU), newest kept`,
          verdict: verdict(cache.addresses <= MAX_CACHED_ADDRESSES && lastPageCached),
        },
        {
          metric: 'thread open → two frames later, first 100 / last 100 threads (p50, p95)',
          value: `${ms(early.p50)}, ${ms(early.p95)} / ${ms(late.p50)}, ${ms(late.p95)}`,
          samples: '100 + 100',
          goal: 'flat',
          verdict: verdict(late.p50 <= early.p50 * 1.25 + 2),
        },
      ],
      notes: [
        'Listeners are those of the page and the content script: runs before 2026-12-06 08:00Z counted ' +
          'also the 13 that Playwright’s waitForFunction adds to window (14 → 14 then).',
        `Elements in the document once views are gone: ${at100.elements} / ${atEnd.elements} with the extension, ` +
          `${bare100.elements} / ${bareEnd.elements} without.`,
      ],
    };
  });
}
