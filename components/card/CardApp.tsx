/**
 * One person's card: their record (./use-contact-record.ts: who they are, deals, activity and the
 * rep's writes), drawn by ./ContactCard.tsx in a frame the content script sizes and closes. All
 * it knows of the person from Gmail is the address and display name the rep clicked.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { CardPerson, KnownLookup } from '../../lib/shared/card-channel';
import { ContactCard } from './ContactCard';
import type { CardServices } from './services-type';
import { useCardKeys } from './use-card-keys';
import { useContactRecord } from './use-contact-record';

export interface CardAppProps {
  person: CardPerson;
  /** What the chip already showed of the person: drawn at once, then asked again. */
  known?: KnownLookup | null;
  services: CardServices;
  /** The height the card's content needs. */
  onSize: (height: number) => void;
  onClose: (returnFocus: boolean) => void;
  /** The person's record changed (added, or looked up again). */
  onChanged: () => void;
}

export function CardApp({ person, known, services, onSize, onClose, onChanged }: CardAppProps) {
  const record = useContactRecord({ person, known, services, onChanged });
  const cardRef = useRef<HTMLDivElement>(null);
  const interactive = useRef(false);

  // The content script sizes the frame to the card, within its bounds.
  useLayoutEffect(() => {
    const card = cardRef.current;
    if (!card) return;
    const observer = new ResizeObserver(() => onSize(card.offsetHeight));
    observer.observe(card);
    return () => observer.disconnect();
  }, []);

  // Usable: the answer about the person is on screen, with its actions.
  useLayoutEffect(() => {
    if (record.lookup.status === 'loading' || interactive.current) return;
    interactive.current = true;
    services.markInteractive();
  }, [record.lookup]);

  const onKeyDown = useCardKeys(cardRef, () => onClose(true));

  return (
    <ContactCard
      id="vivre-card"
      email={person.email}
      displayName={person.name}
      {...record}
      now={Date.now()}
      cardRef={cardRef}
      onKeyDown={onKeyDown}
      onOpenOptions={() => void services.ask('openOptions')}
      onOpenPanel={services.openPanel}
      onClose={() => onClose(true)}
    />
  );
}
