/**
 * A host element for our UI inside Gmail's page: `data-vivre-host` (so detection and the watcher
 * ignore it), an open shadow root with our CSS, and events that stop at the shadow root so a
 * click on our toggle never reaches Gmail's compose handlers.
 */
import { render, type ComponentChild } from 'preact';
import { EMAIL_LOG_CSS } from '../ui/email-log-styles';
import type { Theme } from '../gmail/page';

const CONTAINED_EVENTS = ['keydown', 'keyup', 'keypress', 'click', 'mousedown', 'mouseup', 'input'];

export interface ShadowHost {
  element: HTMLElement;
  render(vnode: ComponentChild): void;
  destroy(): void;
}

export function createShadowHost(doc: Document, tag: string, theme: Theme): ShadowHost {
  const element = doc.createElement(tag);
  element.setAttribute('data-vivre-host', '');
  element.setAttribute('data-theme', theme);
  const shadow = element.attachShadow({ mode: 'open' });
  for (const type of CONTAINED_EVENTS) shadow.addEventListener(type, (e) => e.stopPropagation());
  const style = doc.createElement('style');
  style.textContent = EMAIL_LOG_CSS;
  const container = doc.createElement('span');
  shadow.append(style, container);
  return {
    element,
    render: (vnode) => render(vnode, container),
    destroy() {
      render(null, container);
      element.remove();
    },
  };
}
