/**
 * One chip: `<vivre-chip data-vivre-host data-vivre-email>` (lib/content/shadow-host.ts) with a
 * closed shadow root, and its controller. `data-vivre-email` stays on the host by design: it
 * is the address Gmail already shows beside it, and the inbox and tests find chips by it.
 * Nothing else of the person is in Gmail's DOM; the score and the name Vivre has are inside
 * the closed root, and the card with the rest is an extension page
 * (lib/content/card-host/card-host.ts).
 */
import { h } from 'preact';
import { createShadowHost } from '../shadow-host';
import { CHIP_CSS } from '../../../components/gmail/chip-styles';
import type { ParticipantAnchor } from '../../shared/people';
import { isColleague } from '../../shared/address';
import type { Theme } from '../gmail/page';
import type { CardFrame, CardOpener } from '../card-host/card-host';
import { ChipController } from './ChipController';
import type { LookupStore } from '../lookups/lookup-store';

export interface ChipHost {
  element: HTMLElement;
  email: string;
  setTheme(theme: Theme): void;
  destroy(): void;
}

export interface ChipHostDeps {
  store: LookupStore;
  card: CardFrame;
  theme: Theme;
  /** The Gmail account's address, so a colleague's chip can leave the line altogether. */
  signedIn: string | null;
}

export function createChipHost(anchor: ParticipantAnchor, deps: ChipHostDeps): ChipHost {
  const host = createShadowHost(anchor.element.ownerDocument, {
    tag: 'vivre-chip',
    css: CHIP_CSS,
    theme: deps.theme,
    attributes: { 'data-vivre-email': anchor.email },
  });
  let opener: CardOpener | null = null;
  host.render(
    h(ChipController, {
      email: anchor.email,
      displayName: anchor.name,
      anchor: host.element,
      store: deps.store,
      card: deps.card,
      onOpener: (value) => (opener = value),
      // A chip that shows nothing leaves no gap where that reveals nothing (Chip.tsx hidesHost).
      colleague: isColleague(anchor.email, deps.signedIn),
      onHostHidden: (hidden) => host.element.toggleAttribute('hidden', hidden),
    }),
  );

  return {
    element: host.element,
    email: anchor.email,
    setTheme: host.setTheme,
    destroy() {
      if (opener) deps.card.forget(opener);
      host.destroy();
    },
  };
}
