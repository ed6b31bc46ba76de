/**
 * Bundle sizes, minified + gzip (zlib level 9): ours from the build, and the Gmail
 * libraries the issue compares against from their published npm packages, fetched
 * with `npm pack` into .bench-cache/ (git-ignored) so a rerun needs no network.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { transform } from 'esbuild';
import { repoRoot } from '../tests/e2e/harness/paths';
import { failedSection, verdict, type Row, type Section } from './lib/report';
import { kb } from './lib/stats';

const OUTPUT = path.join(repoRoot, '.output/chrome-mv3-test');
const CACHE = path.join(repoRoot, '.bench-cache');
const CONTENT_SCRIPT_BUDGET = 25_000;

const gzipSize = (code: string | Buffer) => gzipSync(code, { level: 9 }).length;

function builtFile(relative: string): string {
  return readFileSync(path.join(OUTPUT, relative), 'utf8');
}

/** The JS an HTML page of the build loads: its module script and the chunks it preloads. */
function pageScripts(html: string): string[] {
  const sources = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map(
    (m) => m[1]!,
  );
  return [...sources, ...preloads].map((src) => src.replace(/^\//, ''));
}

/** The package's tarball from .bench-cache/, fetched with `npm pack` the first time. */
function tarball(pkg: string): string {
  const prefix = pkg.replace(/^@/, '').replace('/', '-') + '-';
  const find = () =>
    existsSync(CACHE)
      ? readdirSync(CACHE).find((f) => f.startsWith(prefix) && f.endsWith('.tgz'))
      : undefined;
  let file = find();
  if (!file) {
    mkdirSync(CACHE, { recursive: true });
    execFileSync('npm', ['pack', pkg, '--pack-destination', CACHE, '--silent'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 120_000,
    });
    file = find();
  }
  if (!file) throw new Error(`npm pack ${pkg} left no tarball in .bench-cache/`);
  return path.join(CACHE, file);
}

function readFromTarball(file: string, inner: string): string {
  return execFileSync('tar', ['-xzOf', file, `package/${inner}`], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

interface Measured {
  label: string;
  gzip: number;
}

/** Minified by esbuild unless the package already publishes it minified. */
async function competitorFile(pkg: string, inner: string, label: string): Promise<Measured> {
  const file = tarball(pkg);
  const code = readFromTarball(file, inner);
  const minified = inner.endsWith('.min.js')
    ? code
    : (await transform(code, { minify: true, loader: 'js' })).code;
  const version = path.basename(file, '.tgz').slice(pkg.replace(/^@/, '').length + 1);
  return { label: `${label} (${pkg}@${version} ${inner})`, gzip: gzipSize(minified) };
}

function gmailJsMain(): string {
  const manifest = JSON.parse(readFromTarball(tarball('gmail-js'), 'package.json')) as {
    main?: string;
  };
  return manifest.main ?? 'src/gmail.js';
}

async function competitorRows(): Promise<{ rows: Row[]; notes: string[] }> {
  const rows: Row[] = [];
  const notes: string[] = [];
  const measure = async (title: string, files: () => Promise<Measured[]>) => {
    try {
      const parts = await files();
      const total = parts.reduce((sum, part) => sum + part.gzip, 0);
      rows.push({ metric: title, value: kb(total), samples: `${parts.length} files` });
      notes.push(`${title}: ${parts.map((p) => `${p.label} ${kb(p.gzip)}`).join(' + ')}.`);
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      rows.push({ metric: title, value: 'not measured', verdict: 'not measured' });
      notes.push(`${title} not measured: ${reason}`);
    }
  };
  await measure('gmail.js + jQuery (what a gmail.js extension loads)', async () => [
    await competitorFile('gmail-js', gmailJsMain(), 'gmail.js'),
    await competitorFile('jquery', 'dist/jquery.min.js', 'jQuery'),
  ]);
  await measure('InboxSDK content script + page-world script', async () => [
    await competitorFile('@inboxsdk/core', 'inboxsdk.js', 'content script'),
    await competitorFile('@inboxsdk/core', 'pageWorld.js', 'injected into the Gmail page'),
  ]);
  return { rows, notes };
}

export async function benchSizes(): Promise<Section> {
  const title = 'Bundle sizes (minified + gzip -9)';
  try {
    const content = gzipSize(builtFile('content-scripts/gmail.js'));
    const popupFiles = pageScripts(builtFile('popup.html'));
    const popup = popupFiles.reduce((sum, file) => sum + gzipSize(builtFile(file)), 0);
    const worker = gzipSize(builtFile('background.js'));
    const competitors = await competitorRows();
    return {
      title,
      method:
        'Our files from `.output/chrome-mv3-test` (`npm run build:test`, minified by WXT/Vite), gzip level 9. ' +
        'Competitors from their npm packages (`npm pack`, cached in .bench-cache/), minified with esbuild ' +
        'unless published minified, same gzip.',
      rows: [
        {
          metric: 'Our content script (content-scripts/gmail.js, Preact included)',
          value: kb(content),
          samples: '1 file',
          goal: '≤ 25 kB',
          verdict: verdict(content <= CONTENT_SCRIPT_BUDGET),
        },
        {
          metric: 'Our popup (JS loaded by popup.html)',
          value: kb(popup),
          samples: `${popupFiles.length} files`,
        },
        { metric: 'Our service worker (background.js)', value: kb(worker), samples: '1 file' },
        ...competitors.rows,
      ],
      notes: [
        `Content script in KiB: ${(content / 1024).toFixed(1)} KiB; the verdict uses the stricter ` +
          `1 kB = 1,000 B (budget ${CONTENT_SCRIPT_BUDGET.toLocaleString('en-US')} B).`,
        `Popup files: ${popupFiles.join(', ')} (CSS not counted).`,
        ...competitors.notes,
      ],
    };
  } catch (error) {
    return failedSection(title, error);
  }
}
