import type {
  OutboxItemView,
  OutboxState,
  OutboxSummary,
  RepError,
  WriteRequest,
} from '../../shared/messaging/protocol';

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
) => Promise<{ id?: string }>;

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
  /** How long an IndexedDB flush lease lasts without renewal (only used without Web Locks). */
  leaseMs?: number;
  /** Web Locks; defaults to `navigator.locks` when the context has it. `null` forces the lease. */
  locks?: Pick<LockManager, 'request'> | null;
}
