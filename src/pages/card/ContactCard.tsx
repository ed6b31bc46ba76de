/**
 * The card a chip opens, in the card page (an extension page framed in Gmail). Pure view:
 * every piece of data and every action comes in through props (./CardApp.tsx does the talking
 * to the worker). All contact fields are rendered as text nodes, never parsed as HTML.
 */
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ContactDetails, Status } from '../../shared/messaging/protocol';
import type { Contact } from '../../shared/vivre/contract-types';
import { ActivityList } from './ActivityList';
import { AddContactForm } from './AddContactForm';
import { CardNotice } from './CardNotice';
import { DealList } from './DealList';
import { STAGE_WORDS, timeAgo } from '../../shared/labels';
import { LogActivityForm } from './LogActivityForm';
import { BAND_WORDS, scoreBand } from '../../shared/score-band';
import type { AddInput, LogInput, LookupState, WriteProgress } from '../../ui/view-types';
import { WriteProgressText } from './WriteProgressText';

export interface ContactCardProps {
  id: string;
  email: string;
  displayName: string | null;
  lookup: LookupState;
  /** null while the worker's status is not known yet. */
  status: Status | null;
  /** undefined while loading; null when the details could not be loaded. */
  details: ContactDetails | null | undefined;
  now: number;
  logProgress: WriteProgress | null;
  addProgress: WriteProgress | null;
  /** Resolves true once the write is queued; the log form (and its note) stays until then. */
  onLog: (input: LogInput) => Promise<boolean>;
  /** Resolves true once the contact is queued; the form stays as typed until then. */
  onAdd: (input: AddInput) => Promise<boolean>;
  onOpenOptions: () => void;
  onRetry: () => void;
  onClose: () => void;
  onKeyDown?: (event: KeyboardEvent) => void;
  cardRef?: Ref<HTMLDivElement>;
}

/** Why writing is off for this rep right now, in their words; null when it is on. */
function writeBlockedReason(status: Status | null): string | null {
  if (!status) return null;
  if (status.connection === 'unauthorized')
    return 'Logging is paused: Vivre refused the API key. Update it in Vivre settings.';
  if (status.permissions && !status.permissions.includes('write'))
    return 'Logging is off: this API key is read-only. Ask your Vivre admin for a key that can write.';
  return null;
}

/** Whether a write is in the worker's hands (queued, sent, or held there with a reason). */
function addQueued(progress: WriteProgress | null): boolean {
  return progress !== null && progress.state !== 'sending' && progress.state !== 'failed';
}

function ContactView(
  props: ContactCardProps & { contact: Contact; fetchedAt: number; stale: boolean },
) {
  const { contact, status } = props;
  const [logType, setLogType] = useState<LogInput['type'] | null>(null);
  // When the form closes, focus returns to the button that opened it instead of
  // falling to Gmail's <body>, where Esc and Tab would leave the card.
  const logButtons = useRef<Partial<Record<LogInput['type'], HTMLButtonElement | null>>>({});
  const lastLogType = useRef<LogInput['type'] | null>(null);
  useEffect(() => {
    if (logType === null && lastLogType.current) logButtons.current[lastLogType.current]?.focus();
    lastLogType.current = logType;
  }, [logType]);
  const band = scoreBand(contact.ai_score);
  const blocked = writeBlockedReason(status);
  const offline = status?.connection === 'offline';
  return (
    <>
      <p class="sub">
        {contact.company && <span>{contact.company}</span>}
        <span>{contact.email}</span>
      </p>
      <dl class="facts">
        <div>
          <dt>Stage</dt>
          <dd>{STAGE_WORDS[contact.stage]}</dd>
        </div>
        <div>
          <dt>AI score</dt>
          <dd>
            <span class={`score band-${band}`}>{contact.ai_score}</span> {BAND_WORDS[band]}
          </dd>
        </div>
      </dl>
      {(props.stale || offline) && (
        <p class="muted" role="status">
          {offline ? 'Offline — ' : ''}cached {timeAgo(props.fetchedAt, props.now)}
        </p>
      )}
      {props.details === undefined && <p class="muted">Loading deals and activity…</p>}
      {props.details && <DealList deals={props.details.deals} />}
      {props.details && <ActivityList activities={props.details.activities} now={props.now} />}
      <section class="section" aria-label="Log activity">
        {logType ? (
          <LogActivityForm
            key={logType}
            idPrefix={`${props.id}-log`}
            initialType={logType}
            contactName={contact.name}
            onCancel={() => setLogType(null)}
            onSubmit={async (input) => {
              if (await props.onLog(input)) setLogType(null);
            }}
          />
        ) : (
          <div class="row">
            {(['call', 'note', 'meeting'] as const).map((type) => (
              <button
                type="button"
                key={type}
                disabled={Boolean(blocked)}
                aria-label={`Log ${type} with ${contact.name}`}
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
        {blocked && <p class="muted">{blocked}</p>}
        <WriteProgressText progress={props.logProgress} />
      </section>
      {status?.appUrl && (
        <a
          class="open-link"
          href={`${status.appUrl}/contacts/${encodeURIComponent(contact.id)}`}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={`Open in Vivre: ${contact.name}`}
        >
          Open in Vivre
        </a>
      )}
    </>
  );
}

function CardBody(props: ContactCardProps) {
  const { lookup, status } = props;
  if (status && !status.configured) return <CardNotice kind="not_configured" {...props} />;
  switch (lookup.status) {
    case 'loading':
      return <p class="muted">Looking up {props.displayName ?? props.email}…</p>;
    case 'skipped':
      return lookup.reason === 'auto_lookup_off' ? (
        <CardNotice kind="auto_lookup_off" {...props} />
      ) : (
        <p class="muted">This address is on your never-look-up list.</p>
      );
    case 'error':
      return <CardNotice kind={lookup.error.kind} message={lookup.error.message} {...props} />;
    case 'not_found':
      return (
        <>
          <p>{props.displayName ?? props.email} is not in Vivre yet.</p>
          {/* Until the worker has the contact, the form stays with what the rep typed. */}
          {!addQueued(props.addProgress) && (
            <AddContactForm
              idPrefix={`${props.id}-add`}
              email={props.email}
              displayName={props.displayName}
              disabledReason={writeBlockedReason(status)}
              onSubmit={async (input) => {
                await props.onAdd(input);
              }}
            />
          )}
          <WriteProgressText progress={props.addProgress} />
        </>
      );
    case 'found':
      return (
        <ContactView
          {...props}
          contact={lookup.contact}
          fetchedAt={lookup.fetchedAt}
          stale={lookup.stale}
        />
      );
  }
}

export function ContactCard(props: ContactCardProps) {
  const title =
    props.lookup.status === 'found'
      ? props.lookup.contact.name
      : (props.displayName ?? props.email);
  const titleId = `${props.id}-title`;
  return (
    <div
      id={props.id}
      class="card"
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      ref={props.cardRef}
      onKeyDown={props.onKeyDown}
    >
      <div class="card-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" class="close" aria-label="Close Vivre card" onClick={props.onClose}>
          ×
        </button>
      </div>
      {props.status?.connection === 'unauthorized' && props.lookup.status === 'found' && (
        <CardNotice kind="unauthorized" {...props} />
      )}
      <CardBody {...props} />
    </div>
  );
}
