/**
 * A host (../shadow-host.ts) whose root holds a Preact tree: the email-logging controls' one way
 * into Gmail's page. Preact lives here, in the script loaded on demand (./on-demand.ts), not in
 * the shadow host every chip uses. Destroying it unmounts the tree first, so its effects end.
 */
import { render, type ComponentChild } from 'preact';
import { createShadowHost, type ShadowHost, type ShadowHostOptions } from '../shadow-host';

export interface PreactHost extends ShadowHost {
  render(vnode: ComponentChild): void;
}

export function createPreactHost(doc: Document, options: ShadowHostOptions): PreactHost {
  const host = createShadowHost(doc, options);
  return {
    ...host,
    render: (vnode) => render(vnode, host.container),
    destroy() {
      render(null, host.container);
      host.destroy();
    },
  };
}
