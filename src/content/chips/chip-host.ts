/**
 * One chip's host: `<vivre-chip data-vivre-host data-vivre-email>` with an open
 * shadow root holding our <style> and the Preact tree. This element is the only
 * thing we ever put into Gmail's DOM.
 */
import { h, render } from 'preact';
import { CHIP_CSS } from '../ui/styles';
import type { ParticipantAnchor } from '../../shared/people';
import type { Ask } from '../../shared/messaging/messenger';
import { ChipController } from './ChipController';
import type { LookupStore } from './lookup-store';
import type { Theme } from '../gmail/page';

export interface ChipHost {
  element: HTMLElement;
  email: string;
  setTheme(theme: Theme): void;
  destroy(): void;
}

export interface ChipHostDeps {
  store: LookupStore;
  ask: Ask;
  openOptions: () => void;
  theme: Theme;
}

// Gmail listens on the document for shortcuts (typing "c" composes) and for clicks
// on message headers (which collapse the message). Events from our chip and card
// stop at our shadow root so typing a note or clicking a chip never reaches Gmail.
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

let nextCardId = 0;

export function createChipHost(anchor: ParticipantAnchor, deps: ChipHostDeps): ChipHost {
  const doc = anchor.element.ownerDocument;
  // A plain unknown element: content scripts cannot define custom elements
  // (customElements is null in Chrome's isolated world), and a hyphenated name
  // is all attachShadow needs.
  const element = doc.createElement('vivre-chip');
  element.setAttribute('data-vivre-host', '');
  element.setAttribute('data-vivre-email', anchor.email);
  element.setAttribute('data-theme', deps.theme);
  const shadow = element.attachShadow({ mode: 'open' });
  for (const type of CONTAINED_EVENTS) shadow.addEventListener(type, (e) => e.stopPropagation());

  const style = doc.createElement('style');
  style.textContent = CHIP_CSS;
  // Preact owns this container only, so it never touches the <style>.
  const container = doc.createElement('span');
  shadow.append(style, container);

  const lifetime = new AbortController();
  render(
    h(ChipController, {
      email: anchor.email,
      displayName: anchor.name,
      cardId: `vivre-card-${nextCardId++}`,
      store: deps.store,
      ask: deps.ask,
      openOptions: deps.openOptions,
      signal: lifetime.signal,
    }),
    container,
  );

  return {
    element,
    email: anchor.email,
    setTheme(theme) {
      element.setAttribute('data-theme', theme);
    },
    destroy() {
      lifetime.abort();
      render(null, container);
      element.remove();
    },
  };
}
