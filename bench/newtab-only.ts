/**
 * `npx tsx bench/newtab-only.ts [before-build-dir]`: chips in a new Gmail tab alone — the
 * thread's chips warm and cold (bench/chips.ts) and the inbox's first chips (bench/inbox.ts) — for
 * this build (`npm run build:test`) and, when given, another Chromium build (e.g. one of the
 * commit before a change, copied out of .output), side by side: one browser and sandbox each,
 * their samples taken in turns, so load on the machine falls on both alike. Printed as a table
 * with the load average; docs/BENCHMARKS.md is untouched (`npm run bench` writes it).
 * `NEWTAB_SANDBOX_COMPARE=1`: this build with its sandbox in the bench's process and in its own.
 */
import { loadavg } from 'node:os';
import { askWorkerOk, openExtensionPage } from '../tests/e2e/harness';
import {
  COLD_SLACK_MS,
  insertThread,
  readyThreadPage,
  sandboxRoundTrips,
  sandboxThreadRoundTrips,
  WARM_GOAL_MS,
  type Timing,
} from './chips';
import { insert as insertRows, NEW_TAB_GOAL_MS, openInbox, type Insert } from './inbox';
import { openExtensionSession, type ExtensionSession } from './lib/extension-session';
import { newTabSettled } from './lib/gmail-pages';
import { ms, summarize } from './lib/stats';

const SAMPLES = Number(process.env.NEWTAB_SAMPLES ?? 20);
const INBOX_SAMPLES = Number(process.env.NEWTAB_INBOX_SAMPLES ?? 8);
const COLD_SAMPLES = Number(process.env.NEWTAB_COLD_SAMPLES ?? SAMPLES);

interface Build {
  name: string;
  session: ExtensionSession;
  control: Awaited<ReturnType<typeof openExtensionPage>>;
  expected: string[];
  inboxChips: number;
  warm: Timing[];
  cold: Timing[];
  inbox: Insert[];
  rtt: number[];
  threadRtt: number[];
}

async function open(name: string, buildDir?: string, sandboxOwnProcess = true): Promise<Build> {
  const session = await openExtensionSession({
    reachable: true,
    rateLimit: 100_000,
    buildDir,
    sandboxOwnProcess,
  });
  const control = await openExtensionPage(session.browser);
  const first = await readyThreadPage(session);
  const expected = (await insertThread(session, first, null)).emails ?? [];
  await first.close();
  const inbox = await openInbox(session);
  // Through the content script's world: only there can the probe see what a chip answered.
  const inboxChips = (await insertRows(inbox, Infinity, 5000)).chips;
  await inbox.close();
  if (expected.length === 0 || inboxChips === 0) throw new Error(`${name}: no chips settled`);
  return {
    name,
    session,
    control,
    expected,
    inboxChips,
    warm: [],
    cold: [],
    inbox: [],
    rtt: [],
    threadRtt: [],
  };
}

async function newTab(build: Build): Promise<Timing> {
  const page = await readyThreadPage(build.session);
  await newTabSettled(page);
  const timing = await insertThread(build.session, page, build.expected);
  await page.close();
  return timing;
}

async function inboxNewTab(build: Build): Promise<Insert> {
  const page = await openInbox(build.session);
  await newTabSettled(page);
  const timing = await insertRows(page, build.inboxChips);
  await page.close();
  return timing;
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ');

const beforeDir = process.argv[2];
const sandboxCompare = process.env.NEWTAB_SANDBOX_COMPARE === '1';
const startLoad = load();
const builds: Build[] = [];
try {
  if (beforeDir) builds.push(await open('before', beforeDir));
  if (sandboxCompare) builds.push(await open('sandbox in the bench process', undefined, false));
  builds.push(await open(sandboxCompare ? 'sandbox in its own process' : 'this build'));
  for (const build of builds) {
    build.rtt = await sandboxRoundTrips(build.session);
    build.threadRtt = await sandboxThreadRoundTrips(build.session, build.expected);
  }
  // Warm: the worker's cache (and, where there is one, the chip mirror) holds everyone.
  for (let i = 0; i < SAMPLES; i++)
    for (const build of i % 2 ? [...builds].reverse() : builds)
      build.warm.push(await newTab(build));
  for (let i = 0; i < INBOX_SAMPLES; i++)
    for (const build of i % 2 ? [...builds].reverse() : builds)
      build.inbox.push(await inboxNewTab(build));
  for (let i = 0; i < COLD_SAMPLES; i++)
    for (const build of i % 2 ? [...builds].reverse() : builds) {
      await askWorkerOk(build.control, 'clearContactCache');
      build.cold.push(await newTab(build));
    }
} finally {
  await Promise.all(builds.map((build) => build.session.close()));
}

const painted = (timings: Timing[]) => summarize(timings.map((t) => t.frameMs));
const firstChips = (inserts: Insert[]) => summarize(inserts.map((i) => i.firstMs ?? Infinity));
const both = (s: { p50: number; p95: number }) => `${ms(s.p50)} / ${ms(s.p95)}`;
console.log(`Load average (1/5/15 min): ${startLoad} at the start, ${load()} at the end`);
console.log(
  `| build | sandbox round trip p50 / p95 | thread, new tab, warm: chips painted p50 / p95 (goal p50 ≤ ${WARM_GOAL_MS} ms) | thread, new tab, cold: p50 / p95 (goal ≤ round trip + ${COLD_SLACK_MS} ms) | inbox, new tab, cached: first chips p50 / p95 (goal p50 ≤ ${NEW_TAB_GOAL_MS} ms) |`,
);
console.log('| --- | --- | --- | --- | --- |');
for (const build of builds) {
  const rtt = summarize(build.rtt);
  console.log(
    `| ${build.name} | ${both(rtt)} | ${both(painted(build.warm))} (${build.warm.length}) | ${both(painted(build.cold))} (${build.cold.length}; goal ${ms(rtt.p50 + COLD_SLACK_MS)}) | ${both(firstChips(build.inbox))} (${build.inbox.length}) |`,
  );
}
const p50 = (values: number[]) => ms(summarize(values).p50);
for (const build of builds) {
  const thread = both(summarize(build.threadRtt));
  console.log(`${build.name}, the thread's lookups at once (p50 / p95): ${thread}`);
  const split = (timings: Timing[]) =>
    `hosts ${p50(timings.map((t) => t.hostsMs))}, settled ${p50(timings.map((t) => t.settledMs))}`;
  console.log(
    `${build.name}, p50 to chip hosts present / settled: warm ${split(build.warm)}; cold ${split(build.cold)}`,
  );
}
process.exit(0);
