/**
 * `npm run bench`: every benchmark in one run, then docs/BENCHMARKS.md. Not a test:
 * nothing here fails a build; the report says which goals were met or missed.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { chromiumPath } from '../tests/e2e/harness/chromium';
import { repoRoot } from '../tests/e2e/harness/paths';
import { benchCard } from './card';
import { benchChips } from './chips';
import { benchDayInATab } from './day-in-a-tab';
import { benchInbox } from './inbox';
import { benchLookups } from './lookups';
import { describeMachine } from './lib/machine';
import { renderReport, replaceSections, type Section } from './lib/report';
import { benchMainThread } from './main-thread';
import { benchDrain } from './outbox-drain';
import { benchEnqueue } from './outbox-enqueue';
import { benchReconnect } from './outbox-reconnect';
import { benchPanel } from './panel';
import { benchPopup } from './popup';
import { benchSizes } from './sizes';

const REPORT = path.join(repoRoot, 'docs/BENCHMARKS.md');

function chromiumVersion(): string {
  try {
    const out = execFileSync(chromiumPath, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.trim();
  } catch {
    return 'unknown';
  }
}

const loadAverage = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ');

async function timed(name: string, bench: () => Promise<Section>): Promise<Section> {
  const start = performance.now();
  console.error(`[bench] ${name}…`);
  const section = await bench();
  console.error(`[bench] ${name} done in ${((performance.now() - start) / 1000).toFixed(0)} s`);
  return section;
}

/**
 * `npm run bench -- chips inbox`: those benchmarks alone (names as below), put in place of their
 * sections in docs/BENCHMARKS.md with the date and load they ran at; the rest stays as it was.
 */
const only = process.argv.slice(2);
const ALONE: Record<string, () => Promise<Section>> = {
  sizes: benchSizes,
  lookups: benchLookups,
  enqueue: benchEnqueue,
  drain: benchDrain,
  reconnect: benchReconnect,
  chips: benchChips,
  card: benchCard,
  'main-thread': benchMainThread,
  inbox: benchInbox,
  popup: benchPopup,
  panel: benchPanel,
  day: benchDayInATab,
};
if (only.length > 0) {
  const unknown = only.filter((name) => !(name in ALONE));
  if (unknown.length > 0)
    throw new Error(`No benchmark ${unknown.join(', ')}: ${Object.keys(ALONE)}`);
  const load = loadAverage();
  const sections: Section[] = [];
  for (const name of only) sections.push(await timed(name, ALONE[name]!));
  const when = `${new Date().toISOString().slice(0, 19)}Z (load average ${load} at the start, ${loadAverage()} at the end)`;
  const markdown = await format(replaceSections(readFileSync(REPORT, 'utf8'), sections, when), {
    ...(await resolveConfig(REPORT)),
    filepath: REPORT,
  });
  writeFileSync(REPORT, markdown);
  for (const section of sections)
    for (const row of section.rows.filter((r) => r.verdict))
      console.log(`${row.verdict!.padEnd(12)} ${section.title} — ${row.metric}: ${row.value}`);
  process.exit(0);
}

const started = performance.now();
const loadBefore = loadAverage();
const machine = describeMachine(chromiumVersion());

const sizes = await timed('sizes', benchSizes);
const lookups = await timed('lookups', benchLookups);
// The drain mostly waits for the rate-limit window to reset, but it runs alone: run beside the
// enqueue, its browser's start landed in one range of enqueues and not another, and the
// enqueue's "flat" ratio swung from 0.66× to 1.82× between two runs of the same code.
const drain = await timed('outbox drain (75 s)', benchDrain);
const enqueue = await timed('outbox enqueue', benchEnqueue);
const reconnect = await timed('outbox reconnect (3,000 queued offline)', benchReconnect);
const chips = await timed('chips', benchChips);
const card = await timed('card', benchCard);
const mainThread = await timed('main thread', benchMainThread);
const inbox = await timed('inbox list', benchInbox);
const popup = await timed('popup', benchPopup);
const panel = await timed('panel', benchPanel);
const day = await timed('a day in one tab', benchDayInATab);
const sections = [
  sizes,
  enqueue,
  reconnect,
  drain,
  lookups,
  chips,
  card,
  mainThread,
  inbox,
  popup,
  panel,
  day,
];

const seconds = (performance.now() - started) / 1000;
machine.load = `1/5/15-minute load average ${loadBefore} at the start, ${loadAverage()} at the end`;
// Formatted as `npm run lint` expects every file in the repository to be.
const markdown = await format(renderReport(machine, sections, seconds), {
  ...(await resolveConfig(REPORT)),
  filepath: REPORT,
});
writeFileSync(REPORT, markdown);
console.error(`[bench] wrote ${path.relative(repoRoot, REPORT)} in ${seconds.toFixed(0)} s`);
for (const section of sections) {
  for (const row of section.rows.filter((r) => r.verdict)) {
    console.log(`${row.verdict!.padEnd(12)} ${section.title} — ${row.metric}: ${row.value}`);
  }
}
// Everything started here is closed; this only stops stray timers (fake-indexeddb's among them)
// from keeping a finished run alive.
process.exit(0);
