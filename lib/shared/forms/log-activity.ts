import type { WriteRequest } from '../messaging/protocol';
import type { ActivityType, Stage } from '../vivre/contract-types';
import { type CallDetailsValues, formatCallNote, validateCallDetails } from './call-details';
import { type NewDealField, type NewDealValues, moveDealWrite, validateNewDeal } from './deal';
import { validateNote } from './note';
import type { FieldResult, FormErrors } from './result';

export type DealChoice =
  | { kind: 'none' }
  /** `moveTo` empty: leave the stage alone; 'won' also stamps `closed_at`. */
  | { kind: 'existing'; dealId: string; moveTo: Stage | '' }
  | { kind: 'new'; values: NewDealValues };

export interface LogActivityValues {
  contactId: string | null;
  type: ActivityType;
  note: string;
  deal: DealChoice;
  /** A call's length and outcome, written into the note (only for a call). */
  call?: CallDetailsValues;
}

export type LogActivityField = 'contact' | 'note' | 'callMinutes' | NewDealField;

/**
 * The note as it will be sent, with a call's details in front, checked by the one rule both
 * the popup and the card follow: something to say (a call's outcome counts), within the limit.
 */
export function validateActivityNote(values: Pick<LogActivityValues, 'type' | 'note' | 'call'>): {
  note: FieldResult<string>;
  callMinutes?: string;
} {
  if (values.type !== 'call' || !values.call) return { note: validateNote(values.note) };
  const call = validateCallDetails(values.call);
  if (call.ok) return { note: validateNote(formatCallNote(values.note, call.value)) };
  // Wrong minutes are their own error; the note is judged on the rest, as if they were right.
  const outcome = values.call.outcome ? { outcome: values.call.outcome } : {};
  return {
    note: validateNote(formatCallNote(values.note, { ...outcome, minutes: 1 })),
    callMinutes: call.message,
  };
}

/**
 * Validates the popup's (and the card's) form and turns it into outbox writes, in the order they
 * must reach the server: a new deal first (under a temporary id the outbox
 * resolves once the deal exists), then the activity that refers to it, then any
 * stage change. Pure: ids and the clock come from the caller.
 */
export function buildLogWrites(
  values: LogActivityValues,
  context: { newTempId: () => string; now: () => Date },
): { ok: true; writes: WriteRequest[] } | { ok: false; errors: FormErrors<LogActivityField> } {
  const errors: FormErrors<LogActivityField> = {};
  if (!values.contactId) errors.contact = 'Pick the contact this is about.';
  const { note, callMinutes } = validateActivityNote(values);
  if (!note.ok) errors.note = note.message;
  if (callMinutes) errors.callMinutes = callMinutes;
  const newDeal = values.deal.kind === 'new' ? validateNewDeal(values.deal.values) : null;
  if (newDeal && !newDeal.ok) Object.assign(errors, newDeal.errors);
  if (!values.contactId || !note.ok || callMinutes || (newDeal && !newDeal.ok)) {
    return { ok: false, errors };
  }

  const contactId = values.contactId;
  const writes: WriteRequest[] = [];
  let dealId: string | undefined;
  let moveTo: Stage | '' = '';
  if (newDeal?.ok) {
    dealId = context.newTempId();
    const { stage, ...rest } = newDeal.deal;
    writes.push({
      kind: 'createDeal',
      tempId: dealId,
      body: { contact_id: contactId, ...rest, stage },
    });
    // A deal cannot be created closed; "won" is a stage change with a closing date.
    if (stage === 'won') moveTo = 'won';
  } else if (values.deal.kind === 'existing') {
    dealId = values.deal.dealId;
    moveTo = values.deal.moveTo;
  }
  writes.push({
    kind: 'logActivity',
    body: {
      contact_id: contactId,
      ...(dealId ? { deal_id: dealId } : {}),
      type: values.type,
      note: note.value,
    },
  });
  if (dealId && moveTo) writes.push(moveDealWrite(dealId, moveTo, context.now()));
  return { ok: true, writes };
}
