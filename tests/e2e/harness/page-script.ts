/**
 * Gmail's page script as an attacker, for Chromium (Playwright) and Firefox (Puppeteer) alike:
 * each export is a function to pass to `page.evaluate(fn, arg)`, which runs it in the page's
 * main world, where Gmail's own code runs. Self-contained, as evaluate sends only its source.
 */

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
  return { text: row.textContent ?? '', attributes, hosts };
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
