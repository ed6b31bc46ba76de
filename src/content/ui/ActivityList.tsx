/** The last few activities, newest first. Hidden when the API does not list them. */
import type { Activity } from '../../shared/vivre/contract-types';
import { ACTIVITY_WORDS, timeAgo } from '../../shared/labels';

const SHOWN = 3;

export function ActivityList({ activities, now }: { activities: Activity[] | null; now: number }) {
  if (activities === null) return null;
  const latest = [...activities]
    .sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at))
    .slice(0, SHOWN);
  return (
    <section class="section" aria-label="Recent activity">
      <h3>Recent activity</h3>
      {latest.length === 0 ? (
        <p class="muted">Nothing logged yet.</p>
      ) : (
        <ul class="list">
          {latest.map((activity) => (
            <li key={activity.id}>
              <span class="title">{ACTIVITY_WORDS[activity.type]}</span>
              <span class="muted">{timeAgo(Date.parse(activity.created_at), now)}</span>
              {activity.note && <span class="note">{activity.note}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
