/**
 * `npm run lint:packages`: runs `web-ext lint` (Mozilla's addons-linter, the check
 * AMO runs on upload) on both store archives that `npm run zip` made, and fails on
 * any error or warning, except warnings in third-party code that we have read and
 * name below, and Chrome's side panel permission in the Chrome package's manifest. Each
 * exception must match what it names, so a new finding in the same file still fails.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  findingSource,
  type Finding,
  isAcceptedChromeManifest,
  isCheckedThirdParty,
} from './lint-packages-allowed';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputDir = path.join(root, '.output');
const webExt = path.join(root, 'node_modules/.bin/web-ext');

interface LintReport {
  errors: Finding[];
  warnings: Finding[];
  notices: Finding[];
}

function archives(): string[] {
  const names = readdirSync(outputDir).filter((name) => /-(chrome|firefox)\.zip$/.test(name));
  if (
    !names.some((n) => n.endsWith('-chrome.zip')) ||
    !names.some((n) => n.endsWith('-firefox.zip'))
  )
    throw new Error('Both store archives are needed: run `npm run zip` first.');
  return names.map((name) => path.join(outputDir, name));
}

function lint(archive: string): LintReport {
  const run = spawnSync(
    webExt,
    ['lint', '--source-dir', archive, '--output', 'json', '--no-config-discovery'],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const start = run.stdout.indexOf('{');
  if (start < 0) throw new Error(`web-ext lint printed no report for ${archive}:\n${run.stderr}`);
  return JSON.parse(run.stdout.slice(start)) as LintReport;
}

let failed = false;
for (const archive of archives()) {
  const report = lint(archive);
  const problems = [...report.errors, ...report.warnings].filter(
    (finding) =>
      !isCheckedThirdParty(finding, findingSource(archive, finding)) &&
      !isAcceptedChromeManifest(archive, finding),
  );
  const accepted = report.warnings.length + report.errors.length - problems.length;
  const name = path.basename(archive);
  if (problems.length === 0) {
    console.log(
      `✔ ${name}: no errors or warnings (${accepted} accepted, each named in scripts/lint-packages-allowed.ts).`,
    );
    continue;
  }
  failed = true;
  console.error(`✖ ${name}:`);
  for (const finding of problems) {
    const where = finding.file ? ` (${finding.file}${finding.line ? `:${finding.line}` : ''})` : '';
    console.error(`  ${finding._type} ${finding.code}${where}: ${finding.message}`);
  }
}
process.exit(failed ? 1 : 0);
