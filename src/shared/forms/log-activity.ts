import type { WriteRequest } from '../messaging/protocol';
import type { ActivityType, Stage } from '../vivre/contract-types';
import { type NewDealField, type NewDealValues, validateNewDeal } from './deal';
import { validateNote } from './note';
import type { FormErrors } from './result';

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
}

export type LogActivityField = 'contact' | 'note' | NewDealField;

/**
 * Validates the popup's form and turns it into outbox writes, in the order they
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
  const note = validateNote(values.note);
  if (!note.ok) errors.note = note.message;
  const newDeal = values.deal.kind === 'new' ? validateNewDeal(values.deal.values) : null;
  if (newDeal && !newDeal.ok) Object.assign(errors, newDeal.errors);
  if (!values.contactId || !note.ok || (newDeal && !newDeal.ok)) return { ok: false, errors };

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
  if (dealId && moveTo) {
    const body =
      moveTo === 'won'
        ? { stage: moveTo, closed_at: context.now().toISOString() }
        : { stage: moveTo };
    writes.push({ kind: 'updateDeal', dealId, body });
  }
  return { ok: true, writes };
}
