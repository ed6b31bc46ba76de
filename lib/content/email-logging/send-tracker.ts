/**
 * Exactly once per sent message, whichever send signals fire and in whatever order.
 *
 * A click on Send or Ctrl/Cmd+Enter is an intent: the compose is read right then (Gmail removes
 * it next) and the send counts once the compose closes or "Message sent" appears. A compose that
 * closes as "Message sent" appears counts too, read from its last snapshot, for sends we saw no
 * intent for. An intent Gmail refuses (no recipient, a bad address) leaves the compose open and
 * expires. A compose is marked sent by element and by draft id, so a re-rendered compose of the
 * same draft is not logged again either. In memory only: a reload ends every compose anyway.
 */
import type { ComposeContent } from '../gmail/compose';

export interface SendTrackerDeps {
  read(compose: Element): ComposeContent;
  isClosed(compose: Element): boolean;
  isSentShown(): boolean;
  onSent(compose: Element, content: ComposeContent): void;
  now?: () => number;
}

/** How long after an intent Gmail may take to close the compose or say "Message sent". */
export const INTENT_WINDOW_MS = 30_000;
/** How close together a compose closing and "Message sent" appearing must be to count alone. */
const CLOSE_WINDOW_MS = 5_000;

interface Tracked {
  content: ComposeContent;
  intentAt: number | null;
  closedAt: number | null;
}

export function createSendTracker(deps: SendTrackerDeps) {
  const now = deps.now ?? Date.now;
  const tracked = new Map<Element, Tracked>();
  const sentComposes = new WeakSet<Element>();
  const sentDrafts = new Map<string, Element>();
  let sentShownAt: number | null = null;

  const wasSent = (compose: Element, content: ComposeContent) =>
    sentComposes.has(compose) || (content.draftId !== null && sentDrafts.has(content.draftId));

  /** The send of this draft (or compose) was undone: a later send of it counts again. */
  function forget(draftId: string | null, compose?: Element) {
    const element = draftId !== null ? sentDrafts.get(draftId) : compose;
    if (element) sentComposes.delete(element);
    if (compose) sentComposes.delete(compose);
    if (draftId !== null) sentDrafts.delete(draftId);
  }

  function markSent(compose: Element, entry: Tracked) {
    tracked.delete(compose);
    if (wasSent(compose, entry.content)) return;
    sentComposes.add(compose);
    if (entry.content.draftId) sentDrafts.set(entry.content.draftId, compose);
    deps.onSent(compose, entry.content);
  }

  return {
    /** A compose is on the page: keep a fresh snapshot for a send we may only learn of later. */
    observe(compose: Element) {
      const entry = tracked.get(compose);
      if (entry?.intentAt != null || deps.isClosed(compose)) return;
      tracked.set(compose, { content: deps.read(compose), intentAt: null, closedAt: null });
    },

    /** The rep clicked Send or pressed Ctrl/Cmd+Enter in this compose. */
    intent(compose: Element) {
      const content = deps.read(compose);
      if (wasSent(compose, content)) return;
      tracked.set(compose, { content, intentAt: now(), closedAt: null });
    },

    /** Re-evaluates every tracked compose; call after each page change and after an intent. */
    check() {
      const at = now();
      const shown = deps.isSentShown();
      if (!shown) sentShownAt = null;
      else sentShownAt ??= at;
      for (const [compose, entry] of tracked) {
        const closed = deps.isClosed(compose);
        if (closed) entry.closedAt ??= at;
        if (entry.intentAt !== null) {
          const fresh = at - entry.intentAt <= INTENT_WINDOW_MS;
          // A "Message sent" already showing before the intent belongs to an earlier send.
          const sentSince = sentShownAt !== null && sentShownAt > entry.intentAt;
          if (fresh && (closed || sentSince)) markSent(compose, entry);
          else if (!fresh) entry.intentAt = null; // Gmail refused that send.
        } else if (entry.closedAt !== null) {
          const together =
            sentShownAt !== null && Math.abs(sentShownAt - entry.closedAt) <= CLOSE_WINDOW_MS;
          if (together) markSent(compose, entry);
          else if (at - entry.closedAt > CLOSE_WINDOW_MS) tracked.delete(compose); // closed, not sent
        }
      }
    },

    /** Whether a compose is still watched for a send. */
    tracks: (compose: Element) => tracked.has(compose),

    forget,
  };
}
