import type {
  OutboxItemView,
  OutboxState,
  OutboxSummary,
  RepError,
  WriteRequest,
} from '../../shared/messaging/protocol';

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
