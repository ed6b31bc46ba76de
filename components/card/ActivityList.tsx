/** The last few activities, newest first. Hidden when the API does not list them. */
import type { Activity } from '../../lib/shared/vivre/contract-types';
import { ACTIVITY_WORDS, timeAgo } from '../../lib/shared/labels';
import { CardSection } from './CardSection';

const SHOWN = 3;

export function ActivityList({ activities, now }: { activities: Activity[] | null; now: number }) {
  if (activities === null) return null;
  const latest = [...activities]
    .sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at))
    .slice(0, SHOWN);
  return (
    <CardSection title="Recent activity" empty="Nothing logged yet." items={latest}>
      {(activity) => <ActivityRow activity={activity} now={now} />}
    </CardSection>
  );
}

/** One activity: its type, when (or that it waits in the outbox), and its note. */
export function ActivityRow({
  activity,
  now,
}: {
  activity: Activity & { pending?: true };
  now: number;
}) {
  return (
    <>
      <span class="title">{ACTIVITY_WORDS[activity.type]}</span>
      <span class="muted">
        {activity.pending ? 'waiting to sync' : timeAgo(Date.parse(activity.created_at), now)}
      </span>
      {activity.note && <span class="note">{activity.note}</span>}
    </>
  );
}
