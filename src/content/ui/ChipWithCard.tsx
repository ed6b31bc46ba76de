/**
 * A chip and the card it opens, as one keyboard-friendly unit: Enter or click
 * opens, Esc (or a click elsewhere) closes, and focus goes back to the chip.
 * The card is `position: fixed` so Gmail's `overflow: hidden` headers cannot clip
 * it, and it is kept inside the viewport.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Chip } from './Chip';
import { ContactCard, type ContactCardProps } from './ContactCard';

export type ChipWithCardProps = Omit<
  ContactCardProps,
  'id' | 'onClose' | 'onKeyDown' | 'cardRef' | 'style'
> & {
  cardId: string;
  /** Called each time the card opens, so the caller can load details. */
  onOpen: () => void;
};

const GAP = 6;
const MARGIN = 8;

/** Where the card goes: below the chip, or above when there is no room, never off screen. */
export function placeCard(
  chip: DOMRect,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
): { top: number; left: number } {
  let top = chip.bottom + GAP;
  if (top + card.height > viewport.height - MARGIN) top = chip.top - GAP - card.height;
  top = Math.max(MARGIN, Math.min(top, viewport.height - MARGIN - card.height));
  const left = Math.max(MARGIN, Math.min(chip.left, viewport.width - MARGIN - card.width));
  return { top, left };
}

export function ChipWithCard(props: ChipWithCardProps) {
  const [open, setOpen] = useState(false);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  const chipRef = useRef<HTMLButtonElement>(null);
  const cardRef = useRef<HTMLDivElement>(null);

  function close(returnFocus: boolean) {
    setOpen(false);
    setPosition(null);
    if (returnFocus) chipRef.current?.focus();
  }

  function place() {
    const chip = chipRef.current;
    const card = cardRef.current;
    const view = chip?.ownerDocument.defaultView;
    if (!chip || !card || !view) return;
    setPosition(
      placeCard(
        chip.getBoundingClientRect(),
        { width: card.offsetWidth, height: card.offsetHeight },
        { width: view.innerWidth, height: view.innerHeight },
      ),
    );
  }

  // Measure after the card is in the DOM, before the browser paints it.
  useLayoutEffect(() => {
    if (open) place();
  }, [open, props.lookup, props.details]);

  useEffect(() => {
    if (!open) return;
    cardRef.current?.focus();
    const doc = chipRef.current?.ownerDocument;
    const host = (chipRef.current?.getRootNode() as ShadowRoot | undefined)?.host;
    if (!doc) return;
    const controller = new AbortController();
    const options = { capture: true, passive: true, signal: controller.signal };
    doc.addEventListener(
      'pointerdown',
      (event) => {
        if (host && !event.composedPath().includes(host)) close(false);
      },
      options,
    );
    // Esc with focus outside the card (or lost, when a form closed under it) still
    // closes it; focus goes back to the chip only if it had nowhere else to be.
    doc.addEventListener(
      'keydown',
      (event) => {
        if (event.key !== 'Escape' || (host && event.composedPath().includes(host))) return;
        close(!doc.activeElement || doc.activeElement === doc.body);
      },
      { signal: controller.signal },
    );
    doc.addEventListener('scroll', place, options);
    doc.defaultView?.addEventListener('resize', place, options);
    return () => controller.abort();
  }, [open]);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    close(true);
  }

  const { cardId, onOpen, ...cardProps } = props;
  return (
    <span class="anchor" onKeyDown={onKeyDown}>
      <Chip
        email={props.email}
        displayName={props.displayName}
        lookup={props.lookup}
        expanded={open}
        cardId={cardId}
        buttonRef={chipRef}
        onActivate={() => {
          if (open) return close(true);
          setOpen(true);
          onOpen();
        }}
      />
      {open && (
        <ContactCard
          {...cardProps}
          id={cardId}
          cardRef={cardRef}
          onClose={() => close(true)}
          style={
            position
              ? { top: `${position.top}px`, left: `${position.left}px` }
              : { visibility: 'hidden' }
          }
        />
      )}
    </span>
  );
}
