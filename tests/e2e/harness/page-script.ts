/**
 * What Gmail's own page script can do against us, written once for both browsers: each function
 * is handed to `page.evaluate(fn, arg)` (Playwright's and Puppeteer's run it in the page's main
 * world, where Gmail's code runs) and uses only what page script has; self-contained, as evaluate
 * sends only its source. Every event it makes is untrusted: no script can make the browser mark
 * one as the rep's.
 */

/**
 * Page script writes a compose of compose-send.html and "sends" it every way it can dispatch:
 * a click on Send, Enter on it and Ctrl+Enter in the body. The fixture's stand-in for Gmail takes
 * the click as Gmail's handlers would: the compose goes and "Message sent" shows.
 */
export function forgeSend(subject: string): void {
  const subjectBox = document.querySelector<HTMLInputElement>('input[name=subjectbox]')!;
  subjectBox.value = subject;
  const body = document.querySelector('[role=textbox][contenteditable=true]')!;
  body.textContent = 'Text the rep never wrote.';
  const send = document.querySelector('.aoO[role=button]')!;
  const key = (init: KeyboardEventInit) =>
    new KeyboardEvent('keydown', { bubbles: true, composed: true, ...init });
  body.dispatchEvent(key({ key: 'Enter', ctrlKey: true }));
  send.dispatchEvent(key({ key: 'Enter' }));
  send.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
}

/**
 * Page script clicks Gmail's Undo and presses Enter on it and z; the fixture's stand-in for Gmail
 * takes the click: "Sending undone." and the draft back open.
 */
export function forgeUndo(): void {
  const undo = document.querySelector('#link_undo')!;
  const key = (target: Element, which: string) =>
    target.dispatchEvent(new KeyboardEvent('keydown', { key: which, bubbles: true }));
  key(undo, 'Enter');
  key(document.body, 'z');
  undo.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
}

/**
 * WXT's "a newer copy of this content script started" signal, which ends the older copy's
 * `ctx.signal` (node_modules/wxt/dist/utils/content-script-context.mjs): a CustomEvent on
 * `document` named `<runtime id>:<entrypoint>:wxt:content-script-started` (WXT itself posts the
 * name to the page), and the window message older WXT versions listened for.
 */
export function dispatchWxtStarted(runtimeId: string): void {
  const type = `${runtimeId}:gmail:wxt:content-script-started`;
  const detail = { contentScriptName: 'gmail', messageId: 'page-script' };
  document.dispatchEvent(new CustomEvent(type, { detail }));
  window.postMessage({ type, ...detail }, '*');
}

/** Our hosts on the page by tag (chips, toggles, the held send's line), as page script counts them. */
export function countHosts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const host of document.querySelectorAll('[data-vivre-host]')) {
    counts[host.localName] = (counts[host.localName] ?? 0) + 1;
  }
  return counts;
}

/**
 * The kinds of host of which `after` has fewer than `before`: what an attack tore down. More is
 * no harm (the tab may still be warming the card or injecting controls on demand).
 */
export function hostsLost(
  before: Record<string, number>,
  after: Record<string, number>,
): Record<string, number> {
  return Object.fromEntries(
    Object.entries(before).filter(([kind, count]) => (after[kind] ?? 0) < count),
  );
}

/** Appends a copy of the inbox's first row showing `email` alone (as `shown`); no host of ours. */
export function appendFakeRow({
  email,
  shown,
  marker,
}: {
  email: string;
  shown: string;
  marker: string;
}): void {
  const model = document.querySelector('tr.zA')!;
  const row = model.cloneNode(true) as HTMLElement;
  row.querySelectorAll('[data-vivre-host]').forEach((host) => host.remove());
  row.querySelectorAll('[id]').forEach((element) => (element.id = `${element.id}${marker}`));
  row.id = marker;
  row.setAttribute('aria-labelledby', `${row.getAttribute('aria-labelledby')}${marker}`);
  row.setAttribute('data-fake', marker);
  for (const person of row.querySelectorAll('[email]')) {
    for (const name of ['email', 'data-hovercard-id']) person.setAttribute(name, email);
    person.setAttribute('name', shown);
    person.textContent = shown;
  }
  model.parentElement!.append(row);
}

/**
 * Everything page script can read of a row: its text, every attribute of every element in it,
 * and what each of our hosts there exposes (attributes but the row's own address, text, root,
 * size).
 */
export function readRowAsPageScript({ marker }: { marker: string }) {
  const row = document.querySelector(`tr[data-fake="${marker}"]`)!;
  const attributes = [row, ...row.querySelectorAll('*')].flatMap((element) =>
    [...element.attributes].map((a) => `${a.name}=${a.value}`),
  );
  const hosts = [...row.querySelectorAll('[data-vivre-host]')].map((host) => {
    const { width, height } = host.getBoundingClientRect();
    return {
      tag: host.localName,
      attributes: host
        .getAttributeNames()
        .filter((name) => name !== 'data-vivre-email')
        .map((name) => `${name}=${host.getAttribute(name)}`),
      text: host.textContent,
      openRoot: host.shadowRoot !== null,
      size: `${width}x${height}`,
    };
  });
  // What selecting the row gives (none of our words, however a browser serialises roots).
  const selection = getSelection()!;
  selection.selectAllChildren(row);
  const selected = String(selection);
  selection.removeAllRanges();
  return { text: row.textContent ?? '', attributes, hosts, selected };
}

/**
 * What page script gets by selecting the whole page, as Ctrl+A does (`selectAll`) and by hand
 * (`selectAllChildren`): the selection's text each way, and any end of a range that lies in a
 * root (which would open it to page script). Chromium 156 and Firefox ESR leave closed roots'
 * text out of a whole-page selection (the way in is `window.find`, below); a browser that
 * serialised selections across shadow roots would give page script every word drawn as text.
 */
export function selectAsPageScript() {
  (document.activeElement as HTMLElement | null)?.blur();
  const selection = getSelection()!;
  const texts: string[] = [];
  const inRoots: string[] = [];
  const take = () => {
    texts.push(String(selection));
    for (let i = 0; i < selection.rangeCount; i++) {
      const range = selection.getRangeAt(i);
      for (const node of [range.startContainer, range.endContainer]) {
        if (node.getRootNode() !== document) inRoots.push(node.nodeName);
      }
    }
  };
  document.execCommand('selectAll');
  take();
  selection.selectAllChildren(document.body);
  take();
  selection.removeAllRanges();
  return { text: texts.join('\n'), inRoots };
}

/**
 * What page script's `window.find()` (the find bar's script twin) gets for each of `words`:
 * whether it finds it anywhere, and each match in text page script could not otherwise read, in
 * a closed root (Chromium retargets the selection to the host, with the words; Firefox leaves it
 * on the node inside the root, which opens the root to page script).
 */
export function findAsPageScript({ words }: { words: string[] }) {
  const inRoots: string[] = [];
  const anywhere: Record<string, boolean> = {};
  const find = (window as unknown as { find(text: string): boolean }).find.bind(window);
  const selection = getSelection()!;
  for (const word of words) {
    selection.collapse(document.body, 0);
    anywhere[word] = find(word);
    selection.collapse(document.body, 0);
    for (let i = 0; i < 50 && find(word); i++) {
      const node = selection.anchorNode;
      // A match that reads as nothing gave nothing away.
      if (!node || !String(selection)) continue;
      if (node.nodeType !== Node.TEXT_NODE || node.getRootNode() !== document) {
        inRoots.push(`${word} at ${node.nodeName}: ${String(selection)}`);
      }
    }
  }
  selection.removeAllRanges();
  return { anywhere, inRoots };
}

/** Sets `style` on the first element matching `selector` (our host), or on its parent. */
export function styleAsPageScript({
  selector,
  style,
  parent = false,
}: {
  selector: string;
  style: string;
  parent?: boolean;
}) {
  const host = document.querySelector(selector)!;
  (parent ? host.parentElement! : host).setAttribute('style', style);
}

/** Takes the style back off the host and its parent, as page script may at any time. */
export function unstyleAsPageScript({ selector }: { selector: string }) {
  const host = document.querySelector(selector)!;
  host.removeAttribute('style');
  host.parentElement!.removeAttribute('style');
}

/**
 * Covers the viewport with a white sheet that lets the pointer through, in the top layer, inside
 * a closed root of the page's own: nothing but the browser's own visibility tracking can see it.
 */
export function coverAsPageScript({ marker }: { marker: string }) {
  const holder = document.createElement('div');
  holder.id = marker;
  const root = holder.attachShadow({ mode: 'closed' });
  const sheet = document.createElement('div');
  sheet.setAttribute('popover', 'manual');
  sheet.setAttribute(
    'style',
    'position:fixed;inset:0;width:auto;height:auto;margin:0;border:0;background:#fff;pointer-events:none',
  );
  root.append(sheet);
  document.body.append(holder);
  sheet.showPopover();
}

export function uncoverAsPageScript({ marker }: { marker: string }) {
  document.getElementById(marker)?.remove();
}
