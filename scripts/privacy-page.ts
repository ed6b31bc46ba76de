/**
 * `npm run privacy-page`: PRIVACY.md → public/privacy.html, the page the options page links to.
 * WXT copies public/ into the extension, so the policy opens offline, from the extension itself.
 * `npm run privacy-page -- --check` only says whether the page is out of date (exit code 1 if so);
 * tests/unit/scripts/privacy-page.test.ts does the same, so the two files never drift.
 *
 * A tiny converter for the Markdown PRIVACY.md uses and nothing more: `#`–`###` headings,
 * paragraphs, `-` and `1.` lists (continuation lines indented), **bold**, `code` and
 * [links](https://…). Every piece of text is escaped, so nothing in the Markdown can become markup.
 * Anything else (tables, quotes, code blocks, nested lists, raw HTML meant as HTML, http: links)
 * throws, so a new construct is noticed here rather than shipped as stray characters. The page has
 * no script and styles itself from public/privacy.css, which any extension CSP allows.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PRIVACY_MD = path.join(root, 'PRIVACY.md');
export const PRIVACY_HTML = path.join(root, 'public/privacy.html');

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/** Where a link may point: the web over https, an email address, or a heading on the page. */
const SAFE_HREF = /^(https:\/\/[^\s"'<>]+|mailto:[^\s"'<>]+|#[\w-]+)$/;

// Earliest match wins; at one position, code before bold before link.
const INLINE = /`([^`]+)`|\*\*(.+?)\*\*|\[([^\]]+)\]\(([^()\s]+)\)/;

/** Plain text must not hold markup we did not convert: it would show as stray characters. */
function checkPlain(text: string, context: string): string {
  if (/`|\*\*|\]\(|(^|\W)_\S/.test(text)) {
    throw new Error(`privacy-page: unsupported or unclosed inline Markdown in "${context}"`);
  }
  return text;
}

/** One line of inline Markdown (code, bold, links) as HTML, every character of text escaped. */
export function renderInline(text: string): string {
  let html = '';
  let rest = text;
  for (let match = INLINE.exec(rest); match; match = INLINE.exec(rest)) {
    html += escapeHtml(checkPlain(rest.slice(0, match.index), text));
    const [whole, code, bold, label, href] = match;
    if (code !== undefined) html += `<code>${escapeHtml(code)}</code>`;
    else if (bold !== undefined) html += `<strong>${renderInline(bold)}</strong>`;
    else {
      if (!SAFE_HREF.test(href!)) throw new Error(`privacy-page: refused link target "${href}"`);
      html += `<a href="${escapeHtml(href!)}">${renderInline(label!)}</a>`;
    }
    rest = rest.slice(match.index + whole.length);
  }
  return html + escapeHtml(checkPlain(rest, text));
}

/** The text a reader sees, for the page title and heading ids. */
function plainText(text: string): string {
  return text.replace(/`([^`]+)`|\*\*(.+?)\*\*|\[([^\]]+)\]\([^()\s]+\)/g, (_, a, b, c) =>
    plainText(a ?? b ?? c),
  );
}

function slug(text: string): string {
  return (
    plainText(text)
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'section'
  );
}

type Block =
  | { type: 'heading'; level: number; text: string }
  | { type: 'paragraph'; lines: string[] }
  | { type: 'list'; ordered: boolean; items: string[][] };

const HEADING = /^(#{1,3}) (\S.*)$/;
const ITEM = /^(-|\d+\.) (\S.*)$/;
const UNSUPPORTED = /^(\s{0,3}(>|```|~~~|\||[*+] |#{4,} )|\s{4}|\t|<)/;

export function parseBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let open: Block | null = null;
  markdown.split(/\r?\n/).forEach((line, index) => {
    const where = `line ${index + 1}: ${line}`;
    const item = ITEM.exec(line);
    const heading = HEADING.exec(line);
    if (line.trim() === '') {
      open = null;
    } else if (heading) {
      blocks.push({ type: 'heading', level: heading[1]!.length, text: heading[2]! });
      open = null;
    } else if (item) {
      const ordered = item[1] !== '-';
      if (open?.type === 'list' && open.ordered === ordered) open.items.push([item[2]!]);
      else {
        open = { type: 'list', ordered, items: [[item[2]!]] };
        blocks.push(open);
      }
    } else if (open?.type === 'list' && /^ {2,3}\S/.test(line) && !ITEM.test(line.trim())) {
      open.items.at(-1)!.push(line.trim());
    } else if (UNSUPPORTED.test(line) || open?.type === 'list') {
      throw new Error(`privacy-page: unsupported Markdown at ${where}`);
    } else if (open?.type === 'paragraph') {
      open.lines.push(line.trim());
    } else {
      open = { type: 'paragraph', lines: [line.trim()] };
      blocks.push(open);
    }
  });
  return blocks;
}

/** The whole page, deterministic: the same PRIVACY.md always gives the same bytes. */
export function renderPrivacyPage(markdown: string): string {
  const blocks = parseBlocks(markdown);
  const title = blocks.find((block) => block.type === 'heading' && block.level === 1);
  if (title?.type !== 'heading') throw new Error('privacy-page: PRIVACY.md needs a # title');
  const ids = new Set<string>();
  const body = blocks.map((block) => {
    switch (block.type) {
      case 'heading': {
        let id = slug(block.text);
        for (let n = 2; ids.has(id); n++) id = `${slug(block.text)}-${n}`;
        ids.add(id);
        const tag = `h${block.level}`;
        return `<${tag} id="${id}">${renderInline(block.text)}</${tag}>`;
      }
      case 'paragraph':
        return `<p>${renderInline(block.lines.join(' '))}</p>`;
      case 'list': {
        const tag = block.ordered ? 'ol' : 'ul';
        const items = block.items.map((lines) => `  <li>${renderInline(lines.join(' '))}</li>`);
        return [`<${tag}>`, ...items, `</${tag}>`].join('\n');
      }
    }
  });
  return [
    '<!doctype html>',
    '<!-- Generated from PRIVACY.md by scripts/privacy-page.ts (npm run privacy-page). Do not edit. -->',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    '<meta name="color-scheme" content="light dark" />',
    `<title>${escapeHtml(plainText(title.text))}</title>`,
    '<link rel="stylesheet" href="privacy.css" />',
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function main(args: string[]): void {
  const page = renderPrivacyPage(readFileSync(PRIVACY_MD, 'utf8'));
  const relative = path.relative(process.cwd(), PRIVACY_HTML);
  if (args.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(PRIVACY_HTML, 'utf8');
    } catch {
      // Missing counts as out of date.
    }
    if (current !== page) {
      console.error(`${relative} is out of date with PRIVACY.md: run npm run privacy-page.`);
      process.exitCode = 1;
    } else console.log(`${relative} is up to date.`);
    return;
  }
  writeFileSync(PRIVACY_HTML, page);
  console.log(`Wrote ${relative} from PRIVACY.md.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2));
}
