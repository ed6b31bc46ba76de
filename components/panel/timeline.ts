/**
 * The panel's activity timeline, paged: it starts from the activities the contact's details
 * brought (Vivre's newest, as many as its list gives at once), shows them a step at a time, and
 * past those asks Vivre for the next page (`getActivityPage`) from where it stands. Whether more
 * exist is Vivre's total (the details' list, then each page's); without one, "Show older" stays
 * until a page comes back short. Pure: no I/O, no clock.
 */
import type { Activity } from '../../lib/shared/vivre/contract-types';

/** Rows revealed per "Show older activity". */
export const TIMELINE_STEP = 10;

export interface Timeline {
  /** Vivre's activities loaded so far, newest first, each once. */
  items: Activity[];
  /** How many of them are on screen. */
  shown: number;
  /** How many Vivre has in all, once a page has said; null until then. */
  total: number | null;
  /** Where Vivre's next page starts: past every activity it has answered, repeats included. */
  nextOffset: number;
}

const newestFirst = (a: Activity, b: Activity) =>
  Date.parse(b.created_at) - Date.parse(a.created_at) || b.id.localeCompare(a.id);

/**
 * The timeline as details bring it, with Vivre's total when its list said; `shown` keeps what the
 * rep had opened (a refresh after a log).
 */
export function startTimeline(
  activities: Activity[] | null,
  total: number | null = null,
  shown = TIMELINE_STEP,
): Timeline {
  const items = [...(activities ?? [])].sort(newestFirst);
  return {
    items,
    shown: Math.min(Math.max(shown, TIMELINE_STEP), items.length),
    total: total === null ? null : Math.max(total, items.length),
    nextOffset: items.length,
  };
}

/** Whether "Show older activity" has anything to show. */
export function hasOlder({ items, shown, total }: Timeline): boolean {
  if (shown < items.length) return true;
  return total === null ? items.length > 0 : items.length < total;
}

/**
 * What "Show older activity" does: reveal loaded rows, or (when every loaded one shows) the page
 * to ask Vivre for, starting after what is loaded.
 */
export function showOlder(timeline: Timeline): {
  timeline: Timeline;
  fetch: { offset: number; limit: number } | null;
} {
  const { items, shown } = timeline;
  if (shown < items.length) {
    return {
      timeline: { ...timeline, shown: Math.min(shown + TIMELINE_STEP, items.length) },
      fetch: null,
    };
  }
  return { timeline, fetch: { offset: timeline.nextOffset, limit: TIMELINE_STEP } };
}

/**
 * A page Vivre answered, added under what is loaded. Activities logged since the first page moved
 * every offset on, so a page may repeat some: each is kept once. A page shorter than asked is the
 * end, whatever the total said.
 */
export function withPage(
  timeline: Timeline,
  page: { activities: Activity[]; total: number },
  asked: { offset: number; limit: number },
): Timeline {
  const known = new Set(timeline.items.map((activity) => activity.id));
  const added = page.activities.filter((activity) => !known.has(activity.id));
  const items = [...timeline.items, ...added].sort(newestFirst);
  const ended = page.activities.length < asked.limit;
  return {
    items,
    shown: Math.min(timeline.shown + TIMELINE_STEP, items.length),
    total: ended ? items.length : Math.max(page.total, items.length),
    nextOffset: asked.offset + page.activities.length,
  };
}
