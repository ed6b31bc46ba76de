/**
 * One person in the panel, whole: the card's record of them (../card/use-contact-record.ts: who
 * they are, stage, AI score in words, open deals to move or mark won, a new deal in ₹, "Add to
 * Vivre" prefilled for someone unknown, the same one-sentence errors and offline copy) drawn as the
 * card draws it, with what the panel has room for: the whole timeline, paged from Vivre, and the
 * log form with every activity type and the open deals to log against.
 */
import type { KnownLookup } from '../../lib/shared/card-channel';
import { ACTIVITY_CHOICES } from '../../lib/shared/labels';
import type { OutboxFeed } from '../../lib/shared/storage/table';
import { ContactRecordBody } from '../card/ContactCard';
import { useContactRecord } from '../card/use-contact-record';
import type { LookupState } from '../common/view-types';
import { activitiesWithPending } from '../popup/pending';
import { usePendingFor } from '../popup/use-pending-for';
import { ActivityTimeline } from './ActivityTimeline';
import type { PanelServices } from './services-type';

/** What the list already knows of the person, drawn at once (anything else is asked again). */
function knownFrom(lookup: LookupState): KnownLookup | null {
  return lookup.status === 'found' || lookup.status === 'not_found' ? lookup : null;
}

export function PersonRecord(props: {
  /** Unique on the page: the ids of the record's forms start with it. */
  id: string;
  email: string;
  name: string | null;
  lookup: LookupState;
  services: PanelServices;
  outbox: OutboxFeed | null;
  /** A note the log form starts from (the subject of an email Vivre cannot read). */
  noteSeed?: string | undefined;
  /** The person's record changed (added to Vivre): the list asks about them again. */
  onChanged: () => void;
}) {
  const { services } = props;
  const record = useContactRecord({
    person: { email: props.email, name: props.name },
    known: knownFrom(props.lookup),
    services,
    onChanged: props.onChanged,
  });
  const now = Date.now();
  const contactId = record.lookup.status === 'found' ? record.lookup.contact.id : null;
  // Activities only: the panel's deals are the card's, which keeps what it sent itself.
  const pending = usePendingFor(services.ask, contactId, [], props.outbox);
  return (
    <ContactRecordBody
      id={props.id}
      email={props.email}
      displayName={props.name}
      {...record}
      now={now}
      onOpenOptions={services.openOptions}
      logTypes={ACTIVITY_CHOICES}
      logToDeals
      logNote={props.noteSeed}
      renderActivities={(activities) =>
        contactId && (
          <ActivityTimeline
            key={contactId}
            contactId={contactId}
            activities={activities}
            total={record.details?.activitiesTotal ?? null}
            pending={activitiesWithPending(null, contactId, pending)}
            ask={services.ask}
            now={now}
          />
        )
      }
    />
  );
}
