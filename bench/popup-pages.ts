/**
 * The pages the popup benchmark opens as the toolbar popup beside popup.html, written into the
 * session's own copy of the build (each profile loads a copy, tests/e2e/harness/browser.ts), so
 * they never ship: nothing in .output or the store packages changes.
 *
 * - The empty page: one module script that sets the marks. The goal is a ratio to it.
 * - The static form: popup.html's own stylesheets and the form exactly as the popup drew it, in a
 *   <template> that one module script clones, focuses and marks. No framework, no storage, no
 *   worker: the floor for any popup that shows this form on this machine, so the report can say
 *   how much of the goal is left for everything the real popup does.
 * - The static form, read first: the same, after the read the popup makes before its first
 *   render (the same keys, from storage.local and storage.session at once). The floor for a
 *   popup that renders from this browser's own storage first, as the goal asks, with no framework.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { POPUP_MARKS } from '../lib/pages/popup/marks';
import { AT_OPEN, areaAndKey } from '../lib/shared/storage/table';

export const INTERACTIVE_MARK = POPUP_MARKS.interactive;
export const SHOWN_MARK = POPUP_MARKS.shown;
export const READ_MARK = POPUP_MARKS.read;
export const START_MARK = POPUP_MARKS.start;
export const SCRIPT_MARK = POPUP_MARKS.script;
export const EMPTY_PAGE = 'bench-empty.html';
export const STATIC_FORM_PAGE = 'bench-static-form.html';
export const READ_FIRST_PAGE = 'bench-static-form-read-first.html';

/** lib/pages/popup/marks.ts's markWhenShown, as these pages' scripts run it. */
const markWhenShown =
  `if (document.hidden) document.addEventListener('visibilitychange', ` +
  `() => performance.mark('${SHOWN_MARK}'), { once: true });\n` +
  `else performance.mark('${SHOWN_MARK}');\n`;

export function addEmptyPage(extensionDir: string): void {
  writeFileSync(
    path.join(extensionDir, EMPTY_PAGE),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>empty</title>' +
      '<script type="module" src="/bench-empty.js"></script></head><body></body></html>',
  );
  writeFileSync(
    path.join(extensionDir, 'bench-empty.js'),
    `${markWhenShown}performance.mark('${INTERACTIVE_MARK}');\n`,
  );
}

/** The popup's read at open (readAtOpen in lib/shared/storage/follow.ts), as a page script writes it. */
function popupStartRead(): string {
  const keys = { local: [] as string[], session: [] as string[] };
  for (const { key } of Object.values(AT_OPEN)) {
    const [area, name] = areaAndKey(key);
    keys[area].push(name);
  }
  return (
    `Promise.all([chrome.storage.local.get(${JSON.stringify(keys.local)}), ` +
    `chrome.storage.session.get(${JSON.stringify(keys.session)})])`
  );
}

/**
 * `formHtml`: the popup's #app content as it was drawn (SERIALIZE_FORM below). Writes the static
 * form and the static form read first, which share one HTML but for their script.
 */
export function addStaticFormPages(extensionDir: string, formHtml: string): void {
  const popupHtml = readFileSync(path.join(extensionDir, 'popup.html'), 'utf8');
  const styles = popupHtml.match(/<style>[\s\S]*?<\/style>/g) ?? [];
  if (styles.length === 0) throw new Error('popup.html has no inline stylesheet to copy');
  const show =
    "const app = document.getElementById('app');\n" +
    "app.append(document.getElementById('form').content.cloneNode(true));\n" +
    "document.getElementById('contact').focus();\n" +
    `performance.mark('${INTERACTIVE_MARK}');\n`;
  const pages: [string, string][] = [
    [STATIC_FORM_PAGE, show],
    [
      READ_FIRST_PAGE,
      `${popupStartRead()}.then(() => {\nperformance.mark('${READ_MARK}');\n${show}});\n`,
    ],
  ];
  for (const [page, script] of pages) {
    const scriptFile = page.replace(/\.html$/, '.js');
    writeFileSync(
      path.join(extensionDir, page),
      '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">' +
        `${styles.join('')}<title>static form</title>` +
        `<script type="module" src="/${scriptFile}"></script></head>` +
        `<body><template id="form">${formHtml}</template><div id="app"></div></body></html>`,
    );
    // Its only script is its first script: marked as the popup's first script is.
    writeFileSync(
      path.join(extensionDir, scriptFile),
      `performance.mark('${START_MARK}');\n${markWhenShown}${script}`,
    );
  }
}

/**
 * Evaluated in an extension page with the toolbar popup open: the popup's form as HTML, with
 * what Preact set as properties (checked radios, chosen options) written as attributes.
 */
export const SERIALIZE_FORM = `(() => {
  const view = chrome.extension.getViews({ type: 'popup' })[0];
  const live = view.document.getElementById('app');
  const copy = live.cloneNode(true);
  const mark = (selector, isSet, attribute) => {
    const copies = copy.querySelectorAll(selector);
    live.querySelectorAll(selector).forEach((el, i) => isSet(el) && copies[i].setAttribute(attribute, ''));
  };
  mark('input', (input) => input.checked, 'checked');
  mark('option', (option) => option.selected, 'selected');
  return copy.innerHTML;
})()`;
