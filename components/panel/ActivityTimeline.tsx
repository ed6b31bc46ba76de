/**
 * A contact's activity in the panel, newest first: what still waits in the outbox on top, marked
 * "waiting to sync", then Vivre's, ten at a time, paged from Vivre past what the details brought
 * (./timeline.ts). Hidden when Vivre does not list activities and nothing waits.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Ask } from '../../lib/shared/messaging/messenger';
import type { Activity } from '../../lib/shared/vivre/contract-types';
import { ActivityRow } from '../card/ActivityList';
import { CardSection } from '../card/CardSection';
import { hasOlder, showOlder, startTimeline, withPage } from './timeline';

const OFFLINE_OLDER = 'You’re offline: older activity shows once Vivre can be reached.';

export function ActivityTimeline(props: {
  contactId: string;
  /** What the contact's details brought (null: this Vivre does not list activities). */
  activities: Activity[] | null;
  /** How many Vivre has in all, when its list said. */
  total: number | null;
  /** This contact's activities still in the outbox, newest first. */
  pending: Array<Activity & { pending?: true }>;
  ask: Ask;
  now: number;
}) {
  const { contactId, activities, total, pending, ask, now } = props;
  const [timeline, setTimeline] = useState(() => startTimeline(activities, total));
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);
  // New details (a log reached Vivre): start from them again, as far down as the rep had opened.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) return void (first.current = false);
    setTimeline((shown) => startTimeline(activities, total, shown.shown));
  }, [activities]);

  if (activities === null && pending.length === 0) return null;

  async function older() {
    const { timeline: next, fetch } = showOlder(timeline);
    setTimeline(next);
    if (!fetch) return;
    setLoading(true);
    setError(null);
    const answer = await ask('getActivityPage', { contactId, ...fetch });
    if (!mounted.current) return;
    setLoading(false);
    if (!answer.ok) {
      setError(answer.error.kind === 'offline' ? OFFLINE_OLDER : answer.error.message);
    } else if (answer.value === null) {
      // This Vivre lists no pages beyond the first: what is loaded is all there is.
      setTimeline((shown) => ({ ...shown, total: shown.items.length }));
    } else {
      const page = answer.value;
      setTimeline((shown) => withPage(shown, page, fetch));
    }
  }

  const rows = [...pending, ...timeline.items.slice(0, timeline.shown)];
  return (
    <>
      <CardSection title="Activity" empty="Nothing logged yet." items={rows}>
        {(activity) => <ActivityRow activity={activity} now={now} />}
      </CardSection>
      {hasOlder(timeline) && (
        <div class="row">
          <button type="button" disabled={loading} onClick={() => void older()}>
            {loading ? 'Loading older activity…' : 'Show older activity'}
          </button>
        </div>
      )}
      {error && (
        <p class="bad" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
