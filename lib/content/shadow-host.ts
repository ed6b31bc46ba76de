/**
 * The one way our UI enters Gmail's page: an element marked `data-vivre-host` (so detection
 * and the page watcher ignore it) with a shadow root holding our CSS and a container: plain DOM
 * for chips, an iframe for the card, and a Preact tree for the compose toggle, "Log this email"
 * and the held send's line (lib/content/email-logging/preact-host.ts, in the script loaded on
 * demand, so Preact stays out of the one every Gmail tab loads).
 *
 * Every root is closed, with no option to open one: `host.shadowRoot` is null, and the root is
 * reachable only through the reference kept here, in the content script's isolated world, whose
 * DOM prototypes page script cannot patch. Role and CSS queries from the page stop at the host,
 * so names, scores, deal titles and "Logs for …" never reach Gmail's scripts. (`window.find()`
 * still matches words drawn as text in a closed root, and in Firefox hands page script the node
 * it found, and with it the root: what Vivre knows is drawn from attributes, never as text; see
 * components/gmail/chip.ts.) Each root's CSS makes the host's own styles important, beyond
 * anything the page sets on it; controls that write take only presses on what is really drawn.
 */
import type { Theme } from './gmail/page';
import { guardVisibleInput, type VisibleInputGuard } from './visible-input';

// Gmail listens on the document for shortcuts (typing "c" composes) and for clicks on message
// headers (which collapse the message) and compose handlers. Events from our hosts stop at our
// shadow root, so typing a note or clicking a chip or toggle never reaches Gmail.
const CONTAINED_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'click',
  'dblclick',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'input',
] as const;

export interface ShadowHost {
  element: HTMLElement;
  /** Where the content goes, inside the root. */
  container: HTMLElement;
  setTheme(theme: Theme): void;
  destroy(): void;
}

export interface ShadowHostOptions {
  /** A hyphenated name: content scripts cannot define custom elements, attachShadow needs one. */
  tag: string;
  css: string;
  theme: Theme;
  /** Extra attributes, e.g. `data-vivre-email`. */
  attributes?: Record<string, string>;
  /**
   * Only the rep's own input acts inside: clicks, changes and input events a script made
   * (`isTrusted` false) stop at the root before our listeners, and are cancelled where they can
   * be. For controls that write (the email-logging toggle, button and Deal menu); a checkbox
   * there acts on its click, which this stops, not on the change the browser fires after it.
   * A press and its click count only while the host is drawn as we drew it (./visible-input.ts).
   */
  repInputOnly?: boolean;
}

// Capture phase on the root: before any listener of ours on a control inside it.
const REP_INPUT_EVENTS = ['pointerdown', 'click', 'change', 'input'] as const;

export function createShadowHost(doc: Document, options: ShadowHostOptions): ShadowHost {
  const element = doc.createElement(options.tag);
  element.setAttribute('data-vivre-host', '');
  for (const [name, value] of Object.entries(options.attributes ?? {})) {
    element.setAttribute(name, value);
  }
  element.setAttribute('data-theme', options.theme);
  const shadow = element.attachShadow({ mode: 'closed' });
  let guard: VisibleInputGuard | undefined;
  if (options.repInputOnly) {
    guard = guardVisibleInput(element);
    const { allows } = guard;
    // A change or an input follows a press or keys this has let through already.
    const ignoreUnseenInput = (event: Event) => {
      if (event.isTrusted && (/^(change|input)$/.test(event.type) || allows(event))) return;
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    for (const type of REP_INPUT_EVENTS) {
      shadow.addEventListener(type, ignoreUnseenInput, { capture: true });
    }
  }
  for (const type of CONTAINED_EVENTS) shadow.addEventListener(type, (e) => e.stopPropagation());
  const style = doc.createElement('style');
  style.textContent = options.css;
  // Content goes in this container only, so a Preact tree never touches the <style>.
  const container = doc.createElement('span');
  container.className = 'vivre-root';
  shadow.append(style, container);
  return {
    element,
    container,
    setTheme: (theme) => element.setAttribute('data-theme', theme),
    destroy() {
      guard?.stop();
      element.remove();
    },
  };
}
