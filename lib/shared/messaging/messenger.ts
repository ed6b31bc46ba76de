/**
 * The one messenger between the worker and its pages and content script, and `ask()`, the
 * one way every sender uses it:
 *
 *   const answer = await ask('lookupContacts', { emails });
 *   if (answer.ok) … answer.value … else … answer.error.message …
 *
 * `ask()` never throws: a worker that is asleep, restarting or reloaded becomes an `Answer`
 * error a rep can read, so every caller handles one shape. No logger is configured on
 * purpose: message data can carry the API key (saveSettings), and the key is never logged.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type {
  ContentProtocolMap,
  MessageData,
  MessageType,
  MessageValue,
  ProtocolMap,
} from './messages';
import type { Answer } from './protocol';
import { RESTARTING } from './restarting';

export type { MessageType };

export const messenger = defineExtensionMessaging<ProtocolMap>();

/** Extension pages → the content script in a Gmail tab. */
export const contentMessenger = defineExtensionMessaging<ContentProtocolMap>();

export { RESTARTING };

function isAnswer(value: unknown): value is Answer<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { ok?: unknown }).ok === 'boolean'
  );
}

export async function ask<K extends MessageType>(
  type: K,
  ...data: MessageData<K> extends undefined ? [] : [data: MessageData<K>]
): Promise<Answer<MessageValue<K>>> {
  try {
    // The messenger's overloads cannot see through the generic K; the data shape is
    // enforced by this function's own signature.
    const send = messenger.sendMessage as (t: K, d?: unknown) => Promise<unknown>;
    const answer = await send(type, data[0]);
    return isAnswer(answer)
      ? (answer as Answer<MessageValue<K>>)
      : { ok: false, error: RESTARTING };
  } catch {
    // "Receiving end does not exist", "Extension context invalidated", a worker killed
    // mid-answer: all mean the same thing to a rep.
    return { ok: false, error: RESTARTING };
  }
}

/** What components and controllers get instead of importing `ask` (they stay testable). */
export type Ask = typeof ask;
