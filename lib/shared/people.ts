/** A person on an email, as read from Gmail's DOM. */
export type ParticipantRole = 'sender' | 'to' | 'cc' | 'bcc';

export interface Participant {
  /** Lower-cased address. */
  email: string;
  /** Display name, or null when Gmail shows only the address. */
  name: string | null;
  role: ParticipantRole;
  /** Gmail's message id for thread participants; absent for compose recipients. */
  messageId?: string;
}

/** One place a participant is shown, for putting a chip beside it. Not deduplicated. */
export interface ParticipantAnchor extends Participant {
  /** The Gmail element our chip host is inserted after. */
  element: Element;
  /** 'thread' for a message header, 'compose' for a compose window or inline reply. */
  context: 'thread' | 'compose';
}
