/**
 * What the popup, options page and content script call to talk to the worker:
 * `const answer = await ask('lookupContacts', { emails })`. It never throws: a
 * worker that is asleep, restarting or reloaded becomes an `Answer` error a rep
 * can read, so every caller handles one shape.
 */
import type { GetDataType } from '@webext-core/messaging';
import { messenger, type MessageType } from './messenger';
import type { Answer, ProtocolMap, RepError } from './protocol';

export type AskData<K extends MessageType> = GetDataType<ProtocolMap[K]>;
export type AskValue<K extends MessageType> =
  ReturnType<ProtocolMap[K]> extends Answer<infer T> ? T : never;

export const RESTARTING: RepError = {
  kind: 'unknown',
  message: 'Vivre for Gmail is restarting — try again in a moment.',
};

function isAnswer(value: unknown): value is Answer<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { ok?: unknown }).ok === 'boolean'
  );
}

export async function ask<K extends MessageType>(
  type: K,
  ...data: AskData<K> extends undefined ? [] : [data: AskData<K>]
): Promise<Answer<AskValue<K>>> {
  try {
    // The messenger's overloads cannot see through the generic K; the data shape is
    // enforced by this function's own signature.
    const send = messenger.sendMessage as (t: K, d?: unknown) => Promise<unknown>;
    const answer = await send(type, data[0]);
    return isAnswer(answer) ? (answer as Answer<AskValue<K>>) : { ok: false, error: RESTARTING };
  } catch {
    // "Receiving end does not exist", "Extension context invalidated", a worker killed
    // mid-answer: all mean the same thing to a rep.
    return { ok: false, error: RESTARTING };
  }
}
