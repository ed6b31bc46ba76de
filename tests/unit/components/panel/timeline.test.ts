/**
 * The panel's timeline pages through a contact's whole activity, not three items: ten at a time
 * from what the details brought, then Vivre's next pages from where it stands, and it stops
 * offering more exactly when there is no more.
 */
import { describe, expect, it } from 'vitest';
import {
  hasOlder,
  showOlder,
  startTimeline,
  TIMELINE_STEP,
  withPage,
} from '@/components/panel/timeline';
import { activity } from '../../../factories';

/** `count` activities, one a day back from 1 June, newest first: act_0 is the newest. */
function history(count: number, from = 0) {
  return Array.from({ length: count }, (_, i) =>
    activity({
      id: `act_${from + i}`,
      created_at: new Date(
        Date.parse('2026-06-01T10:00:00Z') - (from + i) * 86_400_000,
      ).toISOString(),
    }),
  );
}

const ids = (timeline: ReturnType<typeof startTimeline>) =>
  timeline.items.slice(0, timeline.shown).map((a) => a.id);

describe('the activity timeline', () => {
  it('shows the newest ten of what the details brought, in order, whatever order they came in', () => {
    const timeline = startTimeline([...history(25)].reverse(), 60);
    expect(ids(timeline)).toEqual(history(TIMELINE_STEP).map((a) => a.id));
    expect(hasOlder(timeline)).toBe(true);
  });

  it('reveals what is loaded before it asks Vivre, then asks from past everything loaded', () => {
    let timeline = startTimeline(history(15), 60);
    const first = showOlder(timeline);
    expect(first.fetch).toBeNull();
    timeline = first.timeline;
    expect(timeline.shown).toBe(15);
    expect(showOlder(timeline).fetch).toEqual({ offset: 15, limit: TIMELINE_STEP });
  });

  it('adds the page Vivre answers, each activity once, and stops at the total', () => {
    let timeline = startTimeline(history(15), 22);
    timeline = showOlder(timeline).timeline;
    // A note logged since the first page pushed act_14 onto the next page: it is not doubled.
    const page = { activities: history(8, 14), total: 22 };
    timeline = withPage(timeline, page, { offset: 15, limit: TIMELINE_STEP });
    expect(timeline.items.map((a) => a.id)).toEqual(history(22).map((a) => a.id));
    expect(timeline.shown).toBe(22);
    expect(timeline.nextOffset).toBe(23);
    expect(hasOlder(timeline)).toBe(false);
  });

  it('takes a short page as the end even when the total said more', () => {
    const timeline = withPage(
      startTimeline(history(10), null),
      { activities: history(3, 10), total: 40 },
      { offset: 10, limit: 10 },
    );
    expect(timeline.total).toBe(13);
    expect(hasOlder(timeline)).toBe(false);
  });

  it('offers nothing older when Vivre said the details hold everything', () => {
    expect(hasOlder(startTimeline(history(7), 7))).toBe(false);
    expect(hasOlder(startTimeline([], 0))).toBe(false);
    expect(hasOlder(startTimeline(null))).toBe(false);
  });

  it('keeps offering older activity while Vivre has not said how much there is', () => {
    const timeline = startTimeline(history(7), null);
    expect(hasOlder(timeline)).toBe(true);
    expect(showOlder(timeline).fetch).toEqual({ offset: 7, limit: TIMELINE_STEP });
  });

  it('keeps how far the rep had opened when the details come again', () => {
    expect(startTimeline(history(40), 40, 30).shown).toBe(30);
  });
});
