/**
 * "Log this email" on one message of a thread, or, once it is logged from this browser,
 * "Logged ✓ <time>" so the rep can see it is done and is not tempted to log it twice.
 */
import { EmailDealChoice, type EmailDealChoiceProps } from './EmailDealChoice';
import { Words } from './Words';

export type MessageLogState =
  | { status: 'idle' }
  | { status: 'logging' }
  | { status: 'logged'; at: number }
  /** Nothing was logged; `message` says why, for a rep. */
  | { status: 'not_logged'; message: string };

export interface LogMessageButtonProps {
  state: MessageLogState;
  /**
   * The names of the people outside the rep's company it is logged for (the sender, or for the
   * rep's own message its outside recipients), said before the click; [] when there are none.
   */
  whom: string[];
  onLog: () => void;
  /** The deal to tie the email to, when it is logged for one contact with open deals. */
  deal?: EmailDealChoiceProps | null;
  /** Formats the logged time; injected so tests do not depend on the machine's locale. */
  formatTime?: (at: number) => string;
}

const defaultFormat = (at: number) => new Date(at).toLocaleString();

export function LogMessageButton({
  state,
  whom,
  onLog,
  deal,
  formatTime = defaultFormat,
}: LogMessageButtonProps) {
  if (state.status === 'logged') {
    const when = formatTime(state.at);
    return (
      <span role="status">
        <Words text={`Logged ✓ ${when}`} />
      </span>
    );
  }
  const nobody = whom.length === 0;
  const label = state.status === 'logging' ? 'Logging…' : 'Log this email';
  return (
    <>
      {deal && deal.deals.length > 0 ? <EmailDealChoice {...deal} /> : null}
      <button
        type="button"
        disabled={state.status === 'logging' || nobody}
        aria-label={label}
        aria-describedby="vivre-log-whom"
        onClick={onLog}
      >
        <Words text={label} />
      </button>
      <span id="vivre-log-whom" class="whom">
        <Words text={nobody ? 'Nobody outside your company is on it.' : `for ${whom.join(', ')}`} />
      </span>
      {state.status === 'not_logged' ? (
        <span class="error" role="status">
          <Words text={state.message} />
        </span>
      ) : null}
    </>
  );
}
