/** "Log call / note / meeting" for a contact: one button per type, opening the log form. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ActivityType, Deal } from '../../lib/shared/vivre/contract-types';
import type { LogInput, WriteProgress } from '../common/view-types';
import { CARD_LOG_TYPES, LogActivityForm } from './LogActivityForm';
import { WriteProgressText } from './WriteProgressText';

export function LogSection(props: {
  idPrefix: string;
  contactName: string;
  blocked: string | null;
  progress: WriteProgress | null;
  /** Resolves true once the write is queued; the form (and its note) stays until then. */
  onLog: (input: LogInput) => Promise<boolean>;
  /** The types offered, one button each: the card's three unless said otherwise. */
  types?: readonly ActivityType[] | undefined;
  /** Open deals the rep may log against (the panel's); none offered when absent. */
  deals?: Deal[] | undefined;
  /** What the note starts as. */
  initialNote?: string | undefined;
}) {
  const types = props.types ?? CARD_LOG_TYPES;
  const [logType, setLogType] = useState<LogInput['type'] | null>(null);
  // When the form closes, focus returns to the button that opened it instead of
  // falling to Gmail's <body>, where Esc and Tab would leave the card.
  const logButtons = useRef<Partial<Record<LogInput['type'], HTMLButtonElement | null>>>({});
  const lastLogType = useRef<LogInput['type'] | null>(null);
  useEffect(() => {
    if (logType === null && lastLogType.current) logButtons.current[lastLogType.current]?.focus();
    lastLogType.current = logType;
  }, [logType]);
  return (
    <section class="section" aria-label="Log activity">
      {logType ? (
        <LogActivityForm
          key={logType}
          idPrefix={props.idPrefix}
          initialType={logType}
          types={types}
          deals={props.deals}
          initialNote={props.initialNote}
          contactName={props.contactName}
          onCancel={() => setLogType(null)}
          onSubmit={async (input) => {
            if (await props.onLog(input)) setLogType(null);
          }}
        />
      ) : (
        <div class="row">
          {types.map((type) => (
            <button
              type="button"
              key={type}
              disabled={Boolean(props.blocked)}
              aria-label={`Log ${type} with ${props.contactName}`}
              ref={(button) => {
                logButtons.current[type] = button;
              }}
              onClick={() => setLogType(type)}
            >
              Log {type}
            </button>
          ))}
        </div>
      )}
      {props.blocked && <p class="muted">{props.blocked}</p>}
      <WriteProgressText progress={props.progress} />
    </section>
  );
}
