/**
 * Turns an audience and a note into outbox writes: one `email` activity per contact, and for a
 * person being added, the contact first (with a temporary id the outbox resolves, so this works
 * offline too). Everything goes through `enqueueWrite`, like every other write.
 */
import type { AskWorker } from '../overlay/ask-type';
import type { RepError, WriteRequest } from '../messaging/protocol';
import type { Audience } from './audience';

export interface LogOutcome {
  /** Emails whose writes the outbox accepted (synced or waiting). */
  queued: string[];
  failed: { email: string; error: RepError }[];
}

export function emailWrites(audience: Audience, note: string, makeTempId: () => string) {
  const writes: { email: string; writes: WriteRequest[] }[] = [];
  for (const { email, contactId } of audience.log) {
    writes.push({ email, writes: [activity(contactId, note)] });
  }
  for (const { email, name } of audience.add) {
    const tempId = makeTempId();
    writes.push({
      email,
      writes: [{ kind: 'createContact', tempId, body: { name, email } }, activity(tempId, note)],
    });
  }
  return writes;
}

export async function logEmail(
  ask: AskWorker,
  audience: Audience,
  note: string,
  makeTempId: () => string = () => `tmp_${crypto.randomUUID()}`,
): Promise<LogOutcome> {
  const outcome: LogOutcome = { queued: [], failed: [] };
  for (const { email, writes } of emailWrites(audience, note, makeTempId)) {
    let error: RepError | null = null;
    // In order: the activity of a new contact must be queued after the contact it refers to.
    for (const write of writes) {
      const answer = await ask('enqueueWrite', { write });
      if (!answer.ok) {
        error = answer.error;
        break;
      }
    }
    if (error) outcome.failed.push({ email, error });
    else outcome.queued.push(email);
  }
  return outcome;
}

function activity(contactId: string, note: string): WriteRequest {
  return { kind: 'logActivity', body: { contact_id: contactId, type: 'email', note } };
}
