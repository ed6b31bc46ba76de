/**
 * A contact Vivre knows: who they are, their open deals (each can move a stage; a new one can
 * be made), their recent activity, and the log buttons. Offline it shows what the worker last
 * fetched and says how old it is, never a blank.
 */
import type { ContactDetails, RepError } from '../../lib/shared/messaging/protocol';
import type { Contact } from '../../lib/shared/vivre/contract-types';
import { STAGE_WORDS, timeAgo } from '../../lib/shared/labels';
import { BAND_WORDS, scoreBand } from '../../lib/shared/score-band';
import { openDeals } from '../../lib/shared/email-deal';
import { ActivityList } from './ActivityList';
import type { ContactCardProps } from './card-props';
import { DealsSection } from './DealsSection';
import { LogSection } from './LogSection';
import { writeBlockedReason } from './write-blocked';
import { isOffline } from './offline';

type ContactViewProps = ContactCardProps & { contact: Contact; fetchedAt: number; stale: boolean };

/**
 * "Offline — cached 3 h ago" while Vivre cannot be reached (the oldest of what is shown),
 * "Cached 3 h ago" for a stale answer, else nothing.
 */
function cacheLine(props: ContactViewProps): string | null {
  const { details, status, fetchedAt, now } = props;
  if (isOffline(details, status)) {
    const oldest = details?.cached ? Math.min(details.fetchedAt, fetchedAt) : fetchedAt;
    return `Offline — cached ${timeAgo(oldest, now)}`;
  }
  return props.stale ? `Cached ${timeAgo(fetchedAt, now)}` : null;
}

/** One sentence when the deals and activity cannot be shown at all. */
function missingDetails(name: string, error: RepError | null | undefined, offline: boolean) {
  if (offline || error?.kind === 'offline') {
    return `Offline, and no recent copy of ${name}’s deals and activity is saved on this computer: they’ll show once Vivre can be reached.`;
  }
  return `${name}’s deals and activity couldn’t be loaded${error ? `: ${error.message}` : '.'}`;
}

function Details(props: ContactViewProps & { details: ContactDetails | null | undefined }) {
  const { details, contact } = props;
  if (details === undefined) return <p class="muted">Loading deals and activity…</p>;
  if (details === null) {
    const offline = props.status?.connection === 'offline';
    return (
      <p class="muted" role="status">
        {missingDetails(contact.name, props.detailsError, offline)}
      </p>
    );
  }
  return (
    <>
      <DealsSection
        idPrefix={`${props.id}-deal`}
        contactName={contact.name}
        deals={details.deals}
        rowKeys={props.dealRowKeys}
        blocked={writeBlockedReason(props.status)}
        progress={props.dealProgress}
        onCreate={props.onCreateDeal}
        onMove={props.onMoveDeal}
      />
      {props.renderActivities ? (
        props.renderActivities(details.activities)
      ) : (
        <ActivityList activities={details.activities} now={props.now} />
      )}
    </>
  );
}

export function ContactView(props: ContactViewProps) {
  const { contact, status } = props;
  const band = scoreBand(contact.ai_score);
  const cached = cacheLine(props);
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
      {cached && (
        <p class="muted" role="status">
          {cached}
        </p>
      )}
      <Details {...props} />
      <LogSection
        idPrefix={`${props.id}-log`}
        contactName={contact.name}
        blocked={writeBlockedReason(status)}
        progress={props.logProgress}
        onLog={props.onLog}
        types={props.logTypes}
        deals={props.logToDeals ? openDeals(props.details?.deals) : undefined}
        initialNote={props.logNote}
      />
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
