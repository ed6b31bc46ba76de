import type { ask } from '../../shared/messaging/messenger';
import type { Participant } from '../../shared/people';
import type { ActivityType, Contact } from '../../shared/vivre/contract-types';

/** What the popup keeps of a contact: enough to log against it and to show it. */
export type PickedContact = Pick<Contact, 'id' | 'name' | 'email'> & { company?: string | null };

/** A half-written log, kept in session storage so closing the popup loses nothing. */
export interface Draft {
  contact: PickedContact | null;
  type: ActivityType;
  note: string;
}

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
