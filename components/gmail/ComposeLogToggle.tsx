/**
 * "Log to Vivre" in a compose window or inline reply, with, while it is on, exactly whom the email
 * will be logged for: the rep never has to wonder after sending.
 */
import type { Audience } from '../../lib/shared/email-audience';
import { describeAudience } from './describe-audience';
import { EmailDealChoice, type EmailDealChoiceProps } from './EmailDealChoice';
import { Words } from './Words';

export interface ComposeLogToggleProps {
  on: boolean;
  /** Whom a send would log for now; null while the recipients are being checked. */
  audience: Audience | null;
  /** Why nothing can be logged from this browser yet (Firefox's consent), or null. */
  blocked?: string | null;
  onToggle: (on: boolean) => void;
  /** The deal to tie the email to, when it is logged for one contact with open deals. */
  deal?: EmailDealChoiceProps | null;
}

export function ComposeLogToggle({ on, audience, blocked, onToggle, deal }: ComposeLogToggleProps) {
  const summary = !on ? null : blocked ? { text: blocked, none: true } : describeAudience(audience);
  return (
    <>
      <label>
        {/* The click, not the change: a script's click that cannot be cancelled still ticks the
            box and the browser's change after it counts as trusted; its click does not. */}
        <input
          type="checkbox"
          aria-label="Log to Vivre"
          checked={on}
          onClick={(event) => onToggle(event.currentTarget.checked)}
        />
        <Words text="Log to Vivre" />
      </label>
      <span class={summary?.none ? 'who none' : 'who'} role="status" aria-live="polite">
        <Words text={summary?.text ?? ''} />
      </span>
      {on && !blocked && deal && deal.deals.length > 0 ? <EmailDealChoice {...deal} /> : null}
    </>
  );
}
