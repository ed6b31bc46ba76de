/**
 * Exactly once per sent message, whichever send signals fire and in whatever order.
 *
 * The rep's own click on Send or Ctrl/Cmd+Enter is an intent (../gmail/compose.ts hears only
 * trusted ones): the compose is read right then (Gmail removes it next) and the send counts once
 * the compose closes or "Message sent" appears. Without an intent nothing counts: page script can
 * close a compose and show a sent notice, so those alone say nothing of the rep. An intent Gmail
 * refuses (no recipient, a bad address) leaves the compose open and expires. A compose is marked
 * sent by element and by draft id, so a re-rendered compose of the same draft is not logged again
 * either. In memory only: a reload ends every compose anyway.
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
interface Tracked {
  content: ComposeContent;
  intentAt: number;
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
    /** The rep clicked Send or pressed Ctrl/Cmd+Enter in this compose. */
    intent(compose: Element) {
      const content = deps.read(compose);
      if (wasSent(compose, content)) return;
      tracked.set(compose, { content, intentAt: now() });
    },

    /** Re-evaluates every compose the rep sent; call after each page change and after an intent. */
    check() {
      const at = now();
      const shown = deps.isSentShown();
      if (!shown) sentShownAt = null;
      else sentShownAt ??= at;
      for (const [compose, entry] of tracked) {
        // A "Message sent" already showing before the intent belongs to an earlier send.
        const sentSince = sentShownAt !== null && sentShownAt > entry.intentAt;
        if (at - entry.intentAt > INTENT_WINDOW_MS)
          tracked.delete(compose); // Gmail refused it
        else if (sentSince || deps.isClosed(compose)) markSent(compose, entry);
      }
    },

    /** Whether a compose is still watched for a send. */
    tracks: (compose: Element) => tracked.has(compose),

    forget,
  };
}
