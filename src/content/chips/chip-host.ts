/** One chip: `<vivre-chip data-vivre-host data-vivre-email>` (../ui/shadow-host.ts) and its controller. */
import { h } from 'preact';
import { createShadowHost } from '../ui/shadow-host';
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

let nextCardId = 0;

export function createChipHost(anchor: ParticipantAnchor, deps: ChipHostDeps): ChipHost {
  const host = createShadowHost(anchor.element.ownerDocument, {
    tag: 'vivre-chip',
    css: CHIP_CSS,
    theme: deps.theme,
    attributes: { 'data-vivre-email': anchor.email },
  });
  const lifetime = new AbortController();
  host.render(
    h(ChipController, {
      email: anchor.email,
      displayName: anchor.name,
      cardId: `vivre-card-${nextCardId++}`,
      store: deps.store,
      ask: deps.ask,
      openOptions: deps.openOptions,
      signal: lifetime.signal,
      // A chip that shows nothing leaves no gap: the host (and its margin) goes with it.
      onShown: (shown) => host.element.toggleAttribute('hidden', !shown),
    }),
  );

  return {
    element: host.element,
    email: anchor.email,
    setTheme: host.setTheme,
    destroy() {
      lifetime.abort();
      host.destroy();
    },
  };
}
