import type { DealChoice, LogActivityField } from '../../shared/forms/log-activity';
import { STAGE_WORDS } from '../../shared/labels';
import { STAGES } from '../../shared/vivre/limits';
import type { FormErrors } from '../../shared/forms/result';
import type { Stage } from '../../shared/vivre/contract-types';
import { Field } from '../../ui/Field';

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
      <Field id="deal-title" label="Deal title" error={errors.dealTitle}>
        {(control) => (
          <input
            {...control}
            value={value.values.title}
            onInput={(e) => set({ title: e.currentTarget.value })}
          />
        )}
      </Field>
      <Field
        id="deal-value"
        label="Value (₹)"
        error={errors.dealValue}
        hint="Optional, like 1,50,000 or 1500.50"
      >
        {(control) => (
          <input
            {...control}
            inputMode="decimal"
            value={value.values.value}
            onInput={(e) => set({ value: e.currentTarget.value })}
          />
        )}
      </Field>
      <Field id="deal-stage" label="Deal stage">
        {(control) => (
          <select
            {...control}
            value={value.values.stage}
            onChange={(e) => set({ stage: e.currentTarget.value as Stage })}
          >
            {STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {STAGE_WORDS[stage]}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
