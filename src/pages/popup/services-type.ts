import type { ask } from '../../shared/messaging/messenger';
import type { Participant } from '../../shared/people';
import type { Draft, OutboxFeed, PickedContact } from '../../shared/storage';
import type { followWrite } from '../../shared/write-status';
import type { Contact } from '../../shared/vivre/contract-types';

export type { Draft, PickedContact };

/** Everything the popup does outside itself, passed in so the components hold no I/O. */
export interface PopupServices {
  ask: typeof ask;
  /** The people on the active Gmail tab's thread or compose; [] when there is none. Never throws. */
  getPageParticipants(): Promise<Participant[]>;
  draft: {
    load(): Promise<Draft | null>;
    save(draft: Draft): Promise<void>;
    clear(): Promise<void>;
  };
  recentContacts: {
    /** Most recent first. */
    load(): Promise<PickedContact[]>;
    remember(contact: PickedContact): Promise<void>;
  };
  /** The outbox as the worker last published it, then each new version (no polling). */
  followOutbox(signal: AbortSignal, onFeed: (feed: OutboxFeed | null) => void): void;
  /** Follows one write until it settles (src/shared/write-status.ts). */
  followWrite: typeof followWrite;
  openOptions(): void;
  /** Marks the popup ready for input (the open-to-interactive benchmark reads it). */
  markInteractive(): void;
}

export function pickContact(contact: Contact | PickedContact): PickedContact {
  return {
    id: contact.id,
    name: contact.name,
    email: contact.email,
    company: contact.company ?? null,
  };
}
