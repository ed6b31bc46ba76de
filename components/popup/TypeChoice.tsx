import type { ActivityType } from '../../lib/shared/vivre/contract-types';
import { ACTIVITY_CHOICES, ACTIVITY_WORDS } from '../../lib/shared/labels';

/** The activity's type as one row of segments: one click, or the arrow keys, to change it. */
export function TypeChoice({
  value,
  onChange,
}: {
  value: ActivityType;
  onChange: (type: ActivityType) => void;
}) {
  return (
    <fieldset class="segmented" role="radiogroup">
      <legend class="legend">Type</legend>
      <div class="segments">
        {ACTIVITY_CHOICES.map((type) => (
          <label key={type} class="segment">
            <input
              type="radio"
              name="type"
              value={type}
              checked={value === type}
              onChange={() => onChange(type)}
            />
            <span>{ACTIVITY_WORDS[type]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
