/**
 * The inline "log a call / note / meeting" form. Validates before anything is sent,
 * with the message next to the field, so a rep never waits on a request that
 * cannot succeed. Ctrl/Cmd+Enter submits, as in the popup.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { NO_CALL_DETAILS } from '../../lib/shared/forms/call-details';
import { validateActivityNote } from '../../lib/shared/forms/log-activity';
import { ACTIVITY_WORDS, dealLabel } from '../../lib/shared/labels';
import type { ActivityType, Deal } from '../../lib/shared/vivre/contract-types';
import { CallDetailsFields } from '../common/CallDetailsFields';
import { Choices } from '../common/Choices';
import type { LogInput } from '../common/view-types';
import { isSubmitKey, useOneSubmit } from './use-one-submit';
import { SaveCancelRow } from './SaveCancelRow';

/** What the card's log offers; the panel beside the email offers emails too. */
export const CARD_LOG_TYPES: readonly ActivityType[] = ['call', 'note', 'meeting'];

/**
 * Every activity needs something to say (a call's outcome counts): the popup's rule and words,
 * from the function its write builder uses (lib/shared/forms/log-activity.ts), so a call means the
 * same in both places.
 */
function validateLog(input: LogInput): { note?: string; callMinutes?: string } {
  const { note, callMinutes } = validateActivityNote(input);
  return { ...(note.ok ? {} : { note: note.message }), ...(callMinutes ? { callMinutes } : {}) };
}

export interface LogActivityFormProps {
  idPrefix: string;
  initialType: LogInput['type'];
  /** The types the rep may switch between (the card's three unless said otherwise). */
  types?: readonly ActivityType[] | undefined;
  /** Open deals the activity may be logged against: a Deal menu, "No deal" first. */
  deals?: Deal[] | undefined;
  initialNote?: string | undefined;
  contactName: string;
  /** The form stays, its note kept and Save disabled, until this settles. */
  onSubmit: (input: LogInput) => Promise<void>;
  onCancel: () => void;
}

export function LogActivityForm(props: LogActivityFormProps) {
  const [type, setType] = useState(props.initialType);
  const [note, setNote] = useState(props.initialNote ?? '');
  const [dealId, setDealId] = useState('');
  const [call, setCall] = useState(NO_CALL_DETAILS);
  const [errors, setErrors] = useState<ReturnType<typeof validateLog>>({});
  const error = errors.note;
  const { saving, run } = useOneSubmit();
  // Opened by the rep's "Log …": the form takes the focus, so the keyboard carries on inside it.
  const typeMenu = useRef<HTMLSelectElement>(null);
  useLayoutEffect(() => typeMenu.current?.focus(), []);
  const noteId = `${props.idPrefix}-note`;
  const errorId = `${props.idPrefix}-note-error`;

  async function submit(event: Event) {
    event.preventDefault();
    // Only a call carries details, and only when the rep gave some.
    const saidAboutCall = type === 'call' && (call.minutes.trim() || call.outcome);
    const input: LogInput = {
      type,
      note: note.trim(),
      ...(saidAboutCall ? { call } : {}),
      ...(dealId ? { dealId } : {}),
    };
    const problems = validateLog(input);
    setErrors(problems);
    if (problems.note || problems.callMinutes) return;
    await run(() => props.onSubmit(input));
  }

  return (
    <form
      class="log-form"
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (isSubmitKey(event)) void submit(event);
      }}
      aria-label={`Log activity for ${props.contactName}`}
      noValidate
    >
      <label class="field">
        <span>Type</span>
        <select
          ref={typeMenu}
          aria-label="Activity type"
          value={type}
          onChange={(e) => setType(e.currentTarget.value as LogInput['type'])}
        >
          <Choices choices={props.types ?? CARD_LOG_TYPES} words={ACTIVITY_WORDS} />
        </select>
      </label>
      {props.deals && props.deals.length > 0 && (
        <label class="field">
          <span>Deal</span>
          <select
            aria-label="Deal"
            value={dealId}
            onChange={(e) => setDealId(e.currentTarget.value)}
          >
            <option value="">No deal</option>
            {props.deals.map((deal) => (
              <option key={deal.id} value={deal.id}>
                {dealLabel(deal)}
              </option>
            ))}
          </select>
        </label>
      )}
      {type === 'call' && (
        <CallDetailsFields
          idPrefix={`${props.idPrefix}-call`}
          value={call}
          onChange={setCall}
          minutesError={errors.callMinutes}
        />
      )}
      <label class="field" for={noteId}>
        <span>Note</span>
      </label>
      <textarea
        id={noteId}
        aria-label="Note"
        rows={3}
        value={note}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onInput={(e) => setNote(e.currentTarget.value)}
      />
      {error && (
        <p id={errorId} class="field-error" role="alert">
          {error}
        </p>
      )}
      <SaveCancelRow
        label={`Save ${ACTIVITY_WORDS[type].toLowerCase()}`}
        saving={saving}
        onCancel={props.onCancel}
      />
    </form>
  );
}
