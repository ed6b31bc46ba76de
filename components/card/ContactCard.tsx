/**
 * The card a chip opens, in the card page (an extension page framed in Gmail). Pure view:
 * every piece of data and every action comes in through props (./CardApp.tsx does the talking
 * to the worker). All contact fields are rendered as text nodes, never parsed as HTML.
 */
import type { WriteProgress } from '../common/view-types';
import { OpenPanelButton } from '../common/OpenPanelButton';
import { AddContactForm } from './AddContactForm';
import type { ContactCardProps } from './card-props';
import { CardNotice } from './CardNotice';
import { ContactView } from './ContactView';
import { writeBlockedReason } from './write-blocked';
import { WriteProgressText } from './WriteProgressText';

export type { ContactCardProps } from './card-props';

/** Whether a write is in the worker's hands (queued, sent, or held there with a reason). */
function addQueued(progress: WriteProgress | null): boolean {
  return progress !== null && progress.state !== 'sending' && progress.state !== 'failed';
}

/** The person as the card shows them below its title; the panel draws the same, unframed. */
export function ContactRecordBody(props: ContactCardProps) {
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
        {props.onOpenPanel && <OpenPanelButton className="open-panel" open={props.onOpenPanel} />}
        <button type="button" class="close" aria-label="Close Vivre card" onClick={props.onClose}>
          ×
        </button>
      </div>
      {props.status?.connection === 'unauthorized' && props.lookup.status === 'found' && (
        <CardNotice kind="unauthorized" {...props} />
      )}
      <ContactRecordBody {...props} />
    </div>
  );
}
