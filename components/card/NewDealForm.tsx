/**
 * "New deal" on the card: a title (required) and a value in rupees (optional, sent in paise),
 * checked by the popup's rules (lib/shared/forms/deal.ts). The deal starts at New; its stage
 * moves from the list once it is there.
 */
import { useState } from 'preact/hooks';
import { type NewDealField, validateNewDeal } from '../../lib/shared/forms/deal';
import type { FormErrors } from '../../lib/shared/forms/result';
import { TextField } from '../common/Field';
import type { NewDealInput } from '../common/view-types';
import { isSubmitKey, useOneSubmit } from './use-one-submit';
import { SaveCancelRow } from './SaveCancelRow';

export function NewDealForm(props: {
  idPrefix: string;
  contactName: string;
  /** The form stays, as typed and with Save disabled, until this settles. */
  onSubmit: (deal: NewDealInput) => Promise<void>;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState('');
  const [value, setValue] = useState('');
  const [errors, setErrors] = useState<FormErrors<NewDealField>>({});
  const { saving, run } = useOneSubmit();

  async function submit(event: Event) {
    event.preventDefault();
    const checked = validateNewDeal({ title, value, stage: 'new' });
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    const { stage: _new, ...deal } = checked.deal;
    await run(() => props.onSubmit(deal));
  }

  return (
    <form
      class="deal-form"
      aria-label={`New deal for ${props.contactName}`}
      noValidate
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (isSubmitKey(event)) void submit(event);
      }}
    >
      <TextField
        id={`${props.idPrefix}-title`}
        label="Deal title"
        autoFocus
        error={errors.dealTitle}
        value={title}
        onValue={setTitle}
      />
      <TextField
        id={`${props.idPrefix}-value`}
        label="Value (₹)"
        hint="Optional, like 1,50,000 or 1500.50"
        inputMode="decimal"
        error={errors.dealValue}
        value={value}
        onValue={setValue}
      />
      <SaveCancelRow label="Save deal" saving={saving} onCancel={props.onCancel} />
    </form>
  );
}
