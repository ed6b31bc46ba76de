/**
 * Every repository path that a doc, a comment or a string names exists, so a move or a rename
 * cannot leave a reader following a path to nothing. Scanned: the Markdown docs (whole text),
 * and the comments and string literals of the code (TypeScript's parser finds them, so a path
 * in code is not mistaken for one in prose and a regular expression is not read as a comment).
 *
 * A token names a repository path when it starts with one of the repository's top-level
 * folders (`lib/…`, `tests/…`), with `@/` (WXT's alias for the root), with `./` or `../` (from
 * the file that names it), or is a root file (`wxt.config.ts`, `package.json`, `README.md`).
 * A file path that starts with the name of a deeper folder of the repository (`chips/…`,
 * `outbox/…`) must be found from the file that names it: a path written from inside some
 * folder leaves the reader to guess which, so it is written from the root.
 * URLs, absolute paths, installed packages (`wxt/utils/storage`, `@wxt-dev/storage`), built or
 * local folders and the shared folder beside the clone are not ours.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * The top-level folders a repository path starts with. Written out rather than read from the
 * disk, so a mention of a folder after it is removed or renamed still counts as a path, and
 * fails.
 */
const REPO_FOLDERS = [
  'entrypoints',
  'components',
  'lib',
  'tests',
  'public',
  'sandbox',
  'scripts',
  'bench',
  'docs',
  'modules',
  'build',
  '.ci',
];
/** Files at the root a doc names without a folder. */
const ROOT_FILE =
  /^(?:[\w-]+\.)*config\.(?:ts|js|mjs)$|^(?:package|package-lock|tsconfig)\.json$|^[A-Z][A-Z_-]*\.md$/;
/** What a file path written from inside a folder ends with. */
const FILE_EXTENSION = /\.(?:tsx?|m?js|mts|css|html|md|json|svg|png|txt)$/;
/**
 * Folder names a path written from inside a folder starts with: every folder of the repository
 * (at any depth), and `ui`, the home of the components before the move. Paths into other trees
 * (the built extension's `content-scripts/`, an npm package's `dist/`) start elsewhere.
 */
const FORMER_FOLDERS = ['ui'];
/** The Gmail fixtures and the API reference are kept beside the clone (VIVRE_SHARED_DIR). */
const BESIDE_THE_CLONE = /^\.\.\/shared(?:\/|$)/;
/** Where a token stops being a literal path: globs, template holes, placeholders. */
const PATTERN_MARK = /[*{}<>$[\]]/;

/** A run of characters a path, a glob or a `:line`/`#anchor` suffix is written with. */
const TOKEN = /[\w.\-/@:#*{},<>$[\]]+/g;
/** URLs are blanked out first: `https://example.com/lib/x` names no repository path. */
const URL = /\b[a-z][a-z0-9+.-]*:\/\/[^\s'"`()<>[\]]*/gi;

/** A path named in a file that does not exist there. */
interface MissingPath {
  /** The path as written, without a `:line` or `#anchor` suffix. */
  path: string;
  line: number;
  /** Why it counts as missing. */
  problem: string;
}

function isFile(file: string): boolean {
  return existsSync(file) && statSync(file).isFile();
}

/** Whether `target` exists: as written, or as a module specifier (a folder, `.ts` or `.tsx`). */
function exists(target: string, wantFolder: boolean): boolean {
  if (!existsSync(target)) {
    return (
      !wantFolder && path.extname(target) === '' && [`${target}.ts`, `${target}.tsx`].some(isFile)
    );
  }
  return !wantFolder || statSync(target).isDirectory();
}

let folderNames: Set<string> | undefined;
function isRepoFolderName(name: string): boolean {
  folderNames ??= new Set([
    ...FORMER_FOLDERS,
    ...SCANNED_FOLDERS.flatMap((folder) => foldersUnder(path.join(ROOT, folder))).map((folder) =>
      path.basename(folder),
    ),
  ]);
  return folderNames.has(name);
}

/**
 * The problem with one token named in `file` (repository-relative), or null when it is fine
 * or names nothing of ours.
 */
function checkToken(token: string, file: string): Omit<MissingPath, 'line'> | null {
  let written = token
    .replace(/^\*+(?=[\w.@])/, '') // Markdown bold around a path
    .replace(/(?<=[\w.])\*+$/, '')
    .replace(/#.*$/, '')
    .replace(/(?::\d+)+$/, '')
    .replace(/[.,:]+$/, '');
  if (written === '' || written.startsWith('/')) return null;
  const fromRoot = written.startsWith('@/');
  if (fromRoot) written = written.slice(2);
  const relative = /^\.\.?\//.test(written);
  const firstSegment = written.split('/')[0]!;
  const inRepoFolder = REPO_FOLDERS.includes(firstSegment) && written.includes('/');
  const rootFile = !written.includes('/') && ROOT_FILE.test(written);
  const fromAFolder =
    !relative &&
    !inRepoFolder &&
    written.includes('/') &&
    FILE_EXTENSION.test(written) &&
    isRepoFolderName(firstSegment);
  if (!fromRoot && !relative && !inRepoFolder && !rootFile && !fromAFolder) return null;

  // A glob or a template names the folder before it.
  const mark = written.search(PATTERN_MARK);
  const literal = mark === -1 ? written : written.slice(0, written.lastIndexOf('/', mark) + 1);
  if (literal === '' || literal === './' || literal === '../') return null;
  const wantFolder = literal.endsWith('/');
  const here = path.dirname(path.join(ROOT, file));

  if (relative) {
    const target = path.resolve(here, literal);
    if (path.relative(ROOT, target).startsWith('..')) return null; // beside the repository
    if (exists(target, wantFolder) || BESIDE_THE_CLONE.test(written)) return null;
    return { path: written, problem: 'no such file or folder' };
  }
  if (rootFile) {
    return exists(path.join(ROOT, literal), false) || exists(path.join(here, literal), false)
      ? null
      : { path: written, problem: 'no such file at the root or beside this file' };
  }
  if (fromAFolder) {
    return exists(path.join(here, literal), wantFolder)
      ? null
      : { path: written, problem: 'not a path from the root: write it as one' };
  }
  return exists(path.join(ROOT, literal), wantFolder)
    ? null
    : { path: written, problem: 'no such file or folder' };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

/** A stretch of a file that may name paths, and where it starts in the file. */
interface Prose {
  start: number;
  text: string;
}

/** The comments and string literals of a TypeScript or JavaScript file. */
function codeProse(file: string, text: string): Prose[] {
  const kind = /\.tsx$/.test(file)
    ? ts.ScriptKind.TSX
    : /\.m?js$/.test(file)
      ? ts.ScriptKind.JS
      : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found = new Map<number, Prose>();
  const visit = (node: ts.Node) => {
    const comments = [
      ...(ts.getLeadingCommentRanges(text, node.pos) ?? []),
      ...(ts.getTrailingCommentRanges(text, node.end) ?? []),
    ];
    for (const { pos, end } of comments) found.set(pos, { start: pos, text: text.slice(pos, end) });
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) {
      const start = node.getStart(source);
      found.set(start, { start, text: text.slice(start, node.end) });
    }
    for (const child of node.getChildren(source)) visit(child);
  };
  visit(source);
  return [...found.values()];
}

/** Where paths may be named in a file: all of a doc; comments and strings of code. */
function prose(file: string, text: string): Prose[] {
  if (file.endsWith('.md')) return [{ start: 0, text }];
  if (file.endsWith('.css')) {
    return [...text.matchAll(/\/\*[\s\S]*?\*\//g)].map((m) => ({ start: m.index, text: m[0] }));
  }
  if (file.endsWith('.html')) {
    return [...text.matchAll(/<!--[\s\S]*?-->|"[^"]*"/g)].map((m) => ({
      start: m.index,
      text: m[0],
    }));
  }
  return codeProse(file, text);
}

/** The repository paths `text`, read as the file `file` (from the root), names and lacks. */
function missingPaths(file: string, text: string): MissingPath[] {
  const starts = lineStarts(text);
  return prose(file, text).flatMap(({ start, text: piece }) => {
    const blanked = piece.replace(URL, (url) => ' '.repeat(url.length));
    return [...blanked.matchAll(TOKEN)].flatMap((match) => {
      const problem = checkToken(match[0], file);
      return problem ? [{ ...problem, line: lineAt(starts, start + match.index) }] : [];
    });
  });
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.output', '.wxt', '.git']);
const SCANNED_FOLDERS = [
  'entrypoints',
  'components',
  'lib',
  'modules',
  'build',
  'sandbox',
  'scripts',
  'bench',
  'tests',
  'docs',
];
const CODE = /\.(?:tsx?|m?js|mts|css|html)$/;

function foldersUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name))
    .flatMap((entry) => {
      const full = path.join(folder, entry.name);
      return [full, ...foldersUnder(full)];
    });
}

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return SKIPPED_FOLDERS.has(name) ? [] : filesUnder(full);
    return [full];
  });
}

/** The docs and code scanned, relative to the root. */
function scannedFiles(): string[] {
  const atRoot = readdirSync(ROOT).filter(
    (name) => name.endsWith('.md') || /\.config\.(?:ts|js|mjs)$/.test(name),
  );
  const inFolders = SCANNED_FOLDERS.flatMap((folder) => filesUnder(path.join(ROOT, folder)))
    .map((file) => path.relative(ROOT, file))
    // Gmail's own markup, captured: its paths are Gmail's.
    .filter((file) => !(file.startsWith('tests/fixtures/') && file.endsWith('.html')))
    .filter((file) => file.endsWith('.md') || CODE.test(file));
  return [...atRoot, ...inFolders].sort();
}

describe('paths named in docs and comments', () => {
  it('scans the docs and the code (the file list is not empty)', () => {
    const files = scannedFiles();
    for (const file of ['README.md', 'ARCHITECTURE.md', 'wxt.config.ts', 'eslint.config.js']) {
      expect(files).toContain(file);
    }
    expect(files.filter((file) => file.startsWith('lib/')).length).toBeGreaterThan(100);
  });

  // Parses every file of the repository: several seconds alone, far more on a busy CI machine.
  it('all exist', { timeout: 120_000 }, () => {
    const missing = scannedFiles().flatMap((file) =>
      missingPaths(file, readFileSync(path.join(ROOT, file), 'utf8')).map(
        ({ path: named, line, problem }) => `${file}:${line}: ${named} (${problem})`,
      ),
    );
    expect(missing).toEqual([]);
  });
});

describe('what counts as a path', () => {
  // Made-up paths are joined from parts, so this file names no missing path itself.
  const joined = (...parts: string[]) => parts.join('/');
  const gone = joined('lib', 'shared', 'gone-away.ts');

  it('reports a missing path with its line, without its :line or #anchor', () => {
    const doc = `# Map\n\nSee \`${gone}:12\` and [the map](${gone}#top), then lib/shared/.\n`;
    expect(missingPaths('README.md', doc)).toEqual([
      { path: gone, line: 3, problem: 'no such file or folder' },
      { path: gone, line: 3, problem: 'no such file or folder' },
    ]);
  });

  it('accepts folders, module specifiers and the folder before a glob', () => {
    const doc =
      'lib/worker/outbox/ lib/shared/storage/table lib/**/README.md ' +
      'tests/unit/**/*.test.{ts,tsx} lib/{content,pages} @/lib/shared/address.ts ' +
      'wxt.config.ts package.json';
    expect(missingPaths('README.md', doc)).toEqual([]);
    expect(missingPaths('README.md', `${joined('lib', 'nowhere')}/**/*.ts`)).toHaveLength(1);
  });

  it('does not take URLs, absolute paths or packages for repository paths', () => {
    const doc =
      'https://example.com/lib/nowhere.ts /usr/lib/chromium node_modules/wxt/gone.js ' +
      '@wxt-dev/storage wxt/utils/storage webextension-polyfill/dist/nowhere.js .output/chrome-mv3';
    expect(missingPaths('README.md', doc)).toEqual([]);
  });

  it('reads ./ and ../ from the file; a path from inside a folder must be from the root', () => {
    const file = 'lib/shared/storage/follow.ts';
    const fromInside = joined('chips', 'chip-host.ts');
    expect(
      missingPaths(file, `// ${joined('.', 'items.ts')} and ${joined('..', 'address.ts')}`),
    ).toEqual([]);
    expect(missingPaths(file, `// ${joined('.', 'gone-away.ts')}`)).toHaveLength(1);
    expect(missingPaths(file, `// ${fromInside}`)).toEqual([
      { path: fromInside, line: 1, problem: 'not a path from the root: write it as one' },
    ]);
  });

  it('reads comments and strings of code, not its identifiers or regular expressions', () => {
    const code = [
      `const a = lib / shared / gone; // see ${gone}`,
      `const b = '${gone}';`,
      `/* ${gone} */ const c = /lib\\/gone.ts/;`,
    ].join('\n');
    expect(missingPaths('lib/shared/address.ts', code).map(({ line }) => line)).toEqual([1, 2, 3]);
  });
});
