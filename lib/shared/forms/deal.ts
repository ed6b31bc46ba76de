import type { WriteRequest } from '../messaging/protocol';
import type { Stage } from '../vivre/contract-types';
import { MAX_TITLE_LENGTH } from '../vivre/limits';
import { parseRupeesToPaise } from './money';
import { type FormErrors, type FieldResult, invalid, valid } from './result';

export interface NewDealValues {
  title: string;
  /** Rupees as typed; empty means "no value yet". */
  value: string;
  stage: Stage;
}

export interface NewDeal {
  title: string;
  /** Paise. */
  value?: number;
  stage: Stage;
}

export type NewDealField = 'dealTitle' | 'dealValue';

function validateTitle(text: string): FieldResult<string> {
  const title = text.trim();
  if (!title) return invalid('Give the deal a title, like “Annual plan — 50 seats”.');
  if (title.length > MAX_TITLE_LENGTH) {
    return invalid(`Keep the title under ${MAX_TITLE_LENGTH} characters.`);
  }
  return valid(title);
}

export function validateNewDeal(
  values: NewDealValues,
): { ok: true; deal: NewDeal } | { ok: false; errors: FormErrors<NewDealField> } {
  const title = validateTitle(values.title);
  const value = values.value.trim() ? parseRupeesToPaise(values.value) : valid(undefined);
  if (title.ok && value.ok) {
    return {
      ok: true,
      deal: {
        title: title.value,
        stage: values.stage,
        ...(value.value === undefined ? {} : { value: value.value }),
      },
    };
  }
  const errors: FormErrors<NewDealField> = {};
  if (!title.ok) errors.dealTitle = title.message;
  if (!value.ok) errors.dealValue = value.message;
  return { ok: false, errors };
}

/** A deal moved to `stage`; "won" also closes it, dated `now` (the API has no separate close). */
export function moveDealWrite(
  dealId: string,
  stage: Stage,
  now: Date,
): Extract<WriteRequest, { kind: 'updateDeal' }> {
  const body = stage === 'won' ? { stage, closed_at: now.toISOString() } : { stage };
  return { kind: 'updateDeal', dealId, body };
}
