import type {
  OutboxItemView,
  OutboxState,
  OutboxSummary,
  RepError,
  WriteRequest,
  WriteStatus,
} from '../../shared/messaging/protocol';
import type { OutboxFeed, OutboxPage, WriteStates } from '../../shared/storage/table';

/**
 * The connection a write was made for: where, which workspace, and a fingerprint of the
 * key (a short SHA-256 prefix, never the key). A write is only ever sent to this base URL
 * and workspace; after a switch elsewhere it waits for the rep (see ParkReason).
 */
export interface ConnectionStamp {
  baseUrl: string;
  workspaceId: string;
  keyFingerprint: string;
}

/**
 * Why an item needs the rep, beyond a refusal by Vivre:
 * - 'connection': it was made for another connection than the saved one;
 * - 'uncertain': it may already be in Vivre (an answer was lost and we could not tell).
 */
export type ParkReason = 'connection' | 'uncertain';

/** One write as it is kept on disk until Vivre has it. Never holds the API key. */
export interface OutboxItem {
  id: string;
  /**
   * Sent as `Idempotency-Key` on every attempt, so a retry after an unknown outcome
   * (timeout, dropped connection, killed worker) is answered with the stored result
   * instead of creating a second record. See `retry()` for the one time it changes.
   */
  idempotencyKey: string;
  /** As the caller wrote it: temporary ids stay temporary here and are resolved at send time. */
  write: WriteRequest;
  /** Enqueue order; strictly increasing across every context sharing the database. */
  seq: number;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number;
  lastError?: RepError;
  createdAt: number;
  syncedAt?: number;
  /** The id Vivre gave the record (for creates; for `conflict` on createContact, the existing one). */
  result?: { id?: string; existing?: boolean };
  /** What the rep sees in lists, e.g. "Call with Rahul Sharma". */
  summary: string;
  /** Absent on items queued before connections were recorded, or while none was set: they take the saved one. */
  connection?: ConnectionStamp;
  /** When it was first sent (epoch ms): beyond the server's idempotency window a replay is no longer safe. */
  firstSentAt?: number;
  /** The last attempt may have reached Vivre (no answer): reconcile before sending again. */
  uncertain?: boolean;
  /** The rep checked Vivre and asked to send it anyway: no read-back before the next attempt. */
  checked?: boolean;
  parked?: ParkReason;
  /** Bytes of the item as JSON, counted against the outbox's size cap. */
  size?: number;
}

/** A contact or deal created offline: the id the rep's later writes used, and the real one once known. */
export interface TempIdEntry {
  tempId: string;
  itemId: string;
  realId: string | null;
  /** The creating item was discarded, so writes referring to it can never be sent as they are. */
  discarded?: boolean;
}

/**
 * Sends one write to Vivre. Temporary ids are already replaced by real ones.
 * Resolves with the record's id (required for a write that creates one, see `creates`);
 * rejects with a `VivreError` whose `kind` decides what the outbox does next.
 */
export type Deliver = (
  write: WriteRequest,
  idempotencyKey: string,
  signal: AbortSignal,
  /** The connection the write was made for; throws `WrongConnectionError` if it cannot be used. */
  connection?: ConnectionStamp,
) => Promise<{ id?: string }>;

/**
 * What Vivre has of a create whose answer was lost, read back through the list endpoints:
 * the ids of records matching what was sent, made since `since` (epoch ms); 'cannot_tell'
 * when this Vivre offers no way to look.
 */
export type ReadBackAnswer = { type: 'found'; ids: string[] } | { type: 'cannot_tell' };

export type ReadBack = (
  write: WriteRequest,
  since: number,
  signal: AbortSignal,
  connection?: ConnectionStamp,
) => Promise<ReadBackAnswer>;

export interface OutboxCounts {
  waiting: number;
  attention: number;
  paused: boolean;
  /** When the outbox next wants to run (epoch ms), or null when nothing is due. For a chrome.alarms alarm. */
  nextWakeAt: number | null;
}

export interface OutboxListing extends OutboxSummary {
  /** The last few items that reached Vivre, newest first, so the UI can say "Synced". */
  synced: OutboxItemView[];
}

export interface OutboxOptions {
  deliver: Deliver;
  /** Reads back a create whose outcome is unknown; without it such a create is parked for the rep. */
  readBack?: ReadBack;
  /** The saved connection, stamped on each write at enqueue; null when none is set. */
  connection?: () => Promise<ConnectionStamp | null>;
  /** Caps on unsynced items (count and bytes); defaults in limits.ts. */
  maxItems?: number;
  maxBytes?: number;
  /** Called after every change, e.g. to update the toolbar badge and the wake-up alarm. */
  onChange?: (counts: OutboxCounts) => void;
  /** Called once per item that reached Vivre, e.g. to invalidate a cached contact. */
  onSynced?: (item: OutboxItem) => void;
  dbName?: string;
  now?: () => number;
  /** [0, 1); drives the backoff jitter. */
  random?: () => number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  keepSynced?: number;
  /**
   * Deliveries in flight at once (default 1). Writes that may go side by side do, so a long
   * queue drains at Vivre's rate limit; order and dependencies hold either way (flush-pass.ts).
   */
  parallelDeliveries?: number;
  /** How long an IndexedDB flush lease lasts without renewal (only used without Web Locks). */
  leaseMs?: number;
  /** Web Locks; defaults to `navigator.locks` when the context has it. `null` forces the lease. */
  locks?: Pick<LockManager, 'request'> | null;
}

/** What the worker publishes after each change: the feed and the window of write states. */
export interface Published {
  feed: OutboxFeed;
  states: WriteStates;
}

/** What a rep may change when retrying: the note of an activity, and nothing else. */
export interface RetryEdit {
  note?: string;
}

export interface Outbox {
  /**
   * Resolves once the write is on disk (the UI may now say "saved — will sync"), and starts a
   * flush. Stamped with the saved connection, or with `connection`: the one it was made for
   * earlier (a held send), which it is sent over or parked for like any other.
   */
  enqueue(
    write: WriteRequest,
    options?: { summary?: string; connection?: ConnectionStamp },
  ): Promise<OutboxItem>;
  /** Delivers whatever is due. Safe to call any time, from anywhere: calls coalesce. */
  flushOutbox(): Promise<void>;
  /** Everything, read whole: for tests and tools. Pages follow the bounded `feed` instead. */
  list(): Promise<OutboxListing>;
  /** Counts and first pages, read whole: what `published` shows, whatever the size. */
  feed(): Promise<OutboxFeed>;
  /**
   * The feed and the write states, as the worker publishes them after each change: after
   * enqueues alone, without reading the first pages again (./feed-memo.ts).
   */
  published(): Promise<Published>;
  /** The next page of waiting or stuck items after seq `after` (the feed's `more`). */
  page(
    state: 'waiting' | 'attention',
    after: number | undefined,
    limit: number,
  ): Promise<OutboxPage>;
  /** What the outbox still holds for one contact and its deals (./pending-for.ts). */
  pendingFor(contactId: string, dealIds: readonly string[]): Promise<OutboxItemView[]>;
  /**
   * The network is back (an online event, or Vivre answered): an offline hold is lifted and
   * the outbox flushes now, whatever backoff built up while offline.
   */
  networkBack(): Promise<void>;
  /** Where the newest writes stand, without content, read whole (`published` has them too). */
  states(): Promise<WriteStates>;
  /** Where one write stands, without its content; null once it left the outbox. */
  status(id: string): Promise<WriteStatus | null>;
  /**
   * Send again now; `edit.note` replaces the note of an activity that needs attention. An
   * item made for another connection goes back to waiting for it (see `sendWith`).
   */
  retry(id: string, edit?: RetryEdit): Promise<void>;
  /** The connection an item was made for (to check a re-entered key against), or null. */
  connectionOf(id: string): Promise<ConnectionStamp | null>;
  /** The rep entered that connection's key again: its parked items wait to be sent over it. */
  sendWith(connection: ConnectionStamp): Promise<number>;
  discard(id: string): Promise<void>;
  /** What the badge and the wake-up alarm need; `onChange` hands over the same after each change. */
  counts(): Promise<OutboxCounts>;
  /** Stops all sending, keeping every item, e.g. after a 401. Survives restarts. */
  pause(reason: RepError): Promise<void>;
  /** Call when the settings change: lifts a pause and flushes. */
  resume(): Promise<void>;
  /** Stops timers and any delivery in flight (its outcome is settled by the next run's replay). */
  close(): Promise<void>;
  /** Aborted by `close()`: what follows the outbox (its feed) stops with it. */
  readonly closed: AbortSignal;
}
