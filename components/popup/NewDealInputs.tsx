import type { DealChoice, LogActivityField } from '../../lib/shared/forms/log-activity';
import { STAGE_WORDS } from '../../lib/shared/labels';
import { STAGES } from '../../lib/shared/vivre/limits';
import type { FormErrors } from '../../lib/shared/forms/result';
import { SelectField, TextField } from '../common/Field';

/** Title, value in rupees (stored in paise) and stage of a deal created with the activity. */
export function NewDealInputs({
  value,
  onChange,
  errors,
}: {
  value: Extract<DealChoice, { kind: 'new' }>;
  onChange: (deal: DealChoice) => void;
  errors: FormErrors<LogActivityField>;
}) {
  const set = (patch: Partial<typeof value.values>) =>
    onChange({ kind: 'new', values: { ...value.values, ...patch } });
  return (
    <>
      <TextField
        id="deal-title"
        label="Deal title"
        error={errors.dealTitle}
        value={value.values.title}
        onValue={(title) => set({ title })}
      />
      <TextField
        id="deal-value"
        label="Value (₹)"
        error={errors.dealValue}
        hint="Optional, like 1,50,000 or 1500.50"
        inputMode="decimal"
        value={value.values.value}
        onValue={(rupees) => set({ value: rupees })}
      />
      <SelectField
        id="deal-stage"
        label="Deal stage"
        value={value.values.stage}
        onValue={(stage) => set({ stage })}
        choices={STAGES}
        words={STAGE_WORDS}
      />
    </>
  );
}
