/**
 * What Gmail's own page script can do against us, written once for both browsers: each function
 * is handed to `page.evaluate` (Playwright's and Puppeteer's run it in the page's main world,
 * where Gmail's code runs) and uses only what page script has. Every event it makes is untrusted:
 * no script can make the browser mark one as the rep's.
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
