/**
 * One chip: `<vivre-chip data-vivre-host data-vivre-email>` (lib/content/shadow-host.ts) with a
 * closed shadow root holding the chip's button (components/gmail/chip.ts), following this tab's
 * lookup store for its email and opening or closing the card (lib/content/card-host/card-host.ts)
 * when the rep activates it. `data-vivre-email` stays on the host by design: it is the address
 * Gmail already shows beside it, and the inbox and tests find chips by it. Nothing else of the
 * person is in Gmail's DOM; the score and the name Vivre has are inside the closed root, and the
 * card with the rest is an extension page that talks to the worker itself.
 */
import { createShadowHost } from '../shadow-host';
import { CHIP_CSS } from '../../../components/gmail/chip-styles';
import { createChip, hidesHost, isChipShown } from '../../../components/gmail/chip';
import type { ParticipantAnchor } from '../../shared/people';
import { isColleague } from '../../shared/address';
import type { Theme } from '../gmail/page';
import type { CardFrame, CardOpener } from '../card-host/card-host';
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
  const { store, card } = deps;
  const { email, name } = anchor;
  const host = createShadowHost(anchor.element.ownerDocument, {
    tag: 'vivre-chip',
    css: CHIP_CSS,
    theme: deps.theme,
    attributes: { 'data-vivre-email': email },
  });
  const chip = createChip(host.element.ownerDocument, {
    email,
    displayName: name,
    onActivate: () => card.toggle(opener),
    onWarm: () => card.warm(),
  });
  const opener: CardOpener = {
    anchor: host.element,
    person: { email, name },
    known() {
      const state = store.get(email);
      return state.status === 'found' || state.status === 'not_found' ? state : null;
    },
    focus: () => chip.button.focus(),
    setExpanded: chip.setExpanded,
  };

  const colleague = isColleague(email, deps.signedIn);

  function paint() {
    const lookup = store.get(email);
    const shown = isChipShown(lookup);
    // A chip that shows nothing leaves no gap where that reveals nothing (chip.ts hidesHost).
    host.element.toggleAttribute('hidden', hidesHost(lookup, colleague));
    if (shown) chip.show(lookup);
    // Swapped only when it changes, so a focused button keeps its focus through a new answer.
    const drawn = shown ? chip.button : chip.gap;
    if (drawn.parentNode !== host.container) host.container.replaceChildren(drawn);
  }
  paint();
  const unsubscribe = store.subscribe(email, paint);

  return {
    element: host.element,
    email,
    setTheme: host.setTheme,
    destroy() {
      unsubscribe();
      card.forget(opener);
      host.destroy();
    },
  };
}
