/**
 * Which of the contact's open deals a logged email goes to, beside "Log to Vivre" and "Log this
 * email". Starts on the default of lib/shared/email-deal.ts (the only open deal, else none).
 */
import type { Deal } from '../../lib/shared/vivre/contract-types';
import { Words } from './Words';

export interface EmailDealChoiceProps {
  /** The contact's open deals; the choice is shown only when there is at least one. */
  deals: Deal[];
  value: string | null;
  onChange: (dealId: string | null) => void;
}

export function EmailDealChoice({ deals, value, onChange }: EmailDealChoiceProps) {
  return (
    <label class="deal">
      <Words text="Deal" />
      {/* Its options are text: window.find() does not search menus. */}
      <select
        aria-label="Deal"
        value={value ?? ''}
        onChange={(event) => onChange(event.currentTarget.value || null)}
      >
        <option value="">No deal</option>
        {deals.map((deal) => (
          <option key={deal.id} value={deal.id}>
            {deal.title}
          </option>
        ))}
      </select>
    </label>
  );
}
