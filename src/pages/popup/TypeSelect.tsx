import { ACTIVITY_CHOICES } from '../../shared/labels';
import type { ActivityType } from '../../shared/vivre/contract-types';
import { Field } from '../../ui/Field';

const TYPE_NAMES: Record<ActivityType, string> = {
  call: 'Call',
  note: 'Note',
  meeting: 'Meeting',
  email: 'Email',
};

export function TypeSelect({
  value,
  onChange,
}: {
  value: ActivityType;
  onChange: (type: ActivityType) => void;
}) {
  return (
    <Field id="type" label="Type">
      {(control) => (
        <select
          {...control}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value as ActivityType)}
        >
          {ACTIVITY_CHOICES.map((t) => (
            <option key={t} value={t}>
              {TYPE_NAMES[t]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
