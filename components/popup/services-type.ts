import type { ask } from '../../lib/shared/messaging/messenger';
import type { PageOnTab } from '../../lib/shared/messaging/messages';
import type {
  ConnectionRecord,
  Draft,
  OutboxFeed,
  PickedContact,
} from '../../lib/shared/storage/table';
import type { followWrite } from '../../lib/shared/write-status';
import type { Contact } from '../../lib/shared/vivre/contract-types';

export type { Draft, PageOnTab, PickedContact };

/** The answer when the active tab is not Gmail, or does not answer. */
export const NO_PAGE: PageOnTab = { participants: [], subject: null, unreadable: null };

/** What the popup shows first, all read from this browser's storage: no worker involved. */
export interface LocalState {
  draft: Draft | null;
  /** Most recent first. */
  recent: PickedContact[];
  /** The outbox and the connection as the worker last published them (null: not this session). */
  outbox: OutboxFeed | null;
  connection: ConnectionRecord;
  /** Contact id → name, for outbox lines. */
  names: Record<string, string>;
}

/** Everything the popup does outside itself, passed in so the components hold no I/O. */
export interface PopupServices {
  ask: typeof ask;
  /**
   * The people on the active Gmail tab's thread or compose, its subject, and whether Gmail shows a
   * view Vivre cannot read; `NO_PAGE` when there is no Gmail tab to ask. Never throws.
   */
  getPage(): Promise<PageOnTab>;
  /** Reads everything the popup renders first, in one go. */
  loadLocal(): Promise<LocalState>;
  /** What loadLocal would give, if it is already read: the popup then renders it at once. */
  localIfRead(): LocalState | null;
  draft: {
    save(draft: Draft): Promise<void>;
    clear(): Promise<void>;
  };
  /** Remembers a contact the rep logged for: first of the recent ones, and by name. */
  rememberContact(contact: PickedContact): Promise<void>;
  /** The outbox as the worker last published it, then each new version (no polling). */
  followOutbox(signal: AbortSignal, onFeed: (feed: OutboxFeed | null) => void): void;
  /** The worker's connection record (reachable? which key?) now, then each change. */
  followConnection(signal: AbortSignal, onRecord: (record: ConnectionRecord) => void): void;
  /** Follows one write until it settles (lib/shared/write-status.ts). */
  followWrite: typeof followWrite;
  /** Calls back each time the browser says it is online again. */
  onOnline(signal: AbortSignal, callback: () => void): void;
  openOptions(): void;
  /**
   * Opens the panel beside the email (and closes the popup), within the rep's click; resolves
   * false when the browser would not. Absent where the browser has no panel.
   */
  openPanel?: (() => Promise<boolean>) | undefined;
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
