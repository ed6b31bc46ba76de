import { ACTIVITY_WORDS, timeAgo } from '../../lib/shared/labels';
import type { Activity } from '../../lib/shared/vivre/contract-types';
import type { PickedContact } from './services-type';

interface Props {
  contact: PickedContact;
  /** Newest first; those still in the outbox are marked `pending`. */
  activities: Array<Activity & { pending?: true }>;
  /** Where "Open in Vivre" goes, when the worker knows the web app. */
  appUrl: string | null;
  now: number;
}

/** Who is picked, said in full (email and company), and what happened with them last. */
export function ContactSummary({ contact, activities, appUrl, now }: Props) {
  const last = activities[0];
  return (
    <div class="contact-summary">
      <p class="who">
        <span>{[contact.email, contact.company].filter(Boolean).join(' · ')}</span>
        {appUrl && !contact.id.startsWith('tmp_') ? (
          <a
            href={`${appUrl}/contacts/${encodeURIComponent(contact.id)}`}
            target="_blank"
            rel="noopener noreferrer"
          >
            Open in Vivre
          </a>
        ) : null}
      </p>
      {last ? (
        <p class="last">
          <span class="muted">Last: </span>
          {ACTIVITY_WORDS[last.type]},{' '}
          {last.pending ? 'waiting to sync' : timeAgo(Date.parse(last.created_at), now)}
          {last.note ? <span class="muted"> — {last.note}</span> : null}
        </p>
      ) : null}
    </div>
  );
}
