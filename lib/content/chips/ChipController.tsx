/**
 * Connects one chip to this tab's lookups and to the card: follows the lookup store for its
 * email, and opens or closes the card (lib/content/card-host/card-host.ts) when the rep
 * activates it. The card itself talks to the worker; nothing here reads or writes a contact's
 * details.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { Chip, hidesHost } from '../../../components/gmail/Chip';
import type { CardFrame, CardOpener } from '../card-host/card-host';
import type { LookupStore } from '../lookups/lookup-store';

export interface ChipControllerProps {
  email: string;
  displayName: string | null;
  /** The chip's host element, which the card is placed beside. */
  anchor: Element;
  store: LookupStore;
  card: CardFrame;
  /** Gets this chip's opener, so the host can close the card when the chip goes. */
  onOpener?: (opener: CardOpener) => void;
  /** A colleague of the signed-in rep (their company domain), which Gmail's page knows too. */
  colleague?: boolean;
  /** Whether the host leaves Gmail's line (Chip.tsx `hidesHost`). */
  onHostHidden?: (hidden: boolean) => void;
}

export function ChipController({
  email,
  displayName,
  anchor,
  store,
  card,
  onOpener,
  colleague = false,
  onHostHidden,
}: ChipControllerProps) {
  const [lookup, setLookup] = useState(() => store.get(email));
  const [expanded, setExpanded] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const opener = useRef<CardOpener>({
    anchor,
    person: { email, name: displayName },
    known() {
      const state = store.get(email);
      return state.status === 'found' || state.status === 'not_found' ? state : null;
    },
    focus: () => button.current?.focus(),
    setExpanded,
  });

  useEffect(() => onOpener?.(opener.current), []);
  useEffect(() => {
    setLookup(store.get(email));
    return store.subscribe(email, () => setLookup(store.get(email)));
  }, [store, email]);

  const hidden = hidesHost(lookup, colleague);
  useEffect(() => onHostHidden?.(hidden), [hidden]);

  return (
    <Chip
      email={email}
      displayName={displayName}
      lookup={lookup}
      expanded={expanded}
      buttonRef={button}
      onActivate={() => card.toggle(opener.current)}
      onWarm={() => card.warm()}
    />
  );
}
