/**
 * Elements whose chips wait for them to come near the viewport (../near-viewport.ts), each with
 * the people it showed when last read. Shared by thread chips (./chip-mounter.ts) and row chips
 * (./row-chips.ts).
 *
 * Each waiting element holds its people's lookups (`hold`: a listener of none) until its chips
 * take them over or it is forgotten: a chip host holds its own lookup, and without a hold nothing
 * gave up the lookups of people Gmail removed before they came near, so the worker went on
 * looking up every row of every inbox page the rep paged past (the day bench's lookups fell
 * minutes behind, and the tab's heap grew with the answers it still waited for).
 */
import type { WatchNearViewport } from '../near-viewport';

/** Whether two lists name the same people in the same order. */
const sameEmails = (a: readonly { email: string }[], b: readonly { email: string }[]) =>
  a.length === b.length && a.every((item, i) => item.email === b[i]!.email);

export interface WaitingRoomOptions<Person> {
  watchNear: WatchNearViewport;
  /** Keeps `email`'s lookup wanted; returns the release. */
  hold: (email: string) => () => void;
  /** `element`, still on the page, came near: build its chips (they hold the lookups now). */
  onNear: (element: Element, people: Person[]) => void;
  /**
   * The element watched for `element` (default: itself). Thread chips watch the message their
   * anchor is in: its three or so anchors come near together, and "Log this email" watches the
   * same element, so the browser checks one element a message at each check instead of four.
   */
  nearTarget?: (element: Element) => Element;
  /**
   * How long an element that came near must stay on the page before `onNear` (default: none).
   * Meanwhile it still waits, its lookups held: Gmail may remove it first (rows that slid past).
   */
  dwellMs?: number;
}

interface Wait<Person> {
  people: Person[];
  target: Element;
  release: () => void;
}

export function createWaitingRoom<Person extends { email: string }>({
  watchNear,
  hold,
  onNear,
  nearTarget = (element) => element,
  dwellMs = 0,
}: WaitingRoomOptions<Person>) {
  const waiting = new Map<Element, Wait<Person>>();
  /** The waiting elements watched through each target. */
  const byTarget = new Map<Element, Set<Element>>();
  /** Elements that came near, with when, still waiting out `dwellMs`. */
  const dwelling = new Map<Element, number>();
  let dwellTimer: ReturnType<typeof setTimeout> | null = null;

  function arrive(element: Element) {
    const wait = waiting.get(element);
    waiting.delete(element);
    if (wait && element.isConnected) onNear(element, wait.people);
    wait?.release(); // after the chips took the lookups over
  }

  function endDwells() {
    dwellTimer = null;
    const now = performance.now();
    let next = Infinity;
    for (const [element, came] of [...dwelling]) {
      if (came + dwellMs > now) next = Math.min(next, came + dwellMs);
      else {
        dwelling.delete(element);
        arrive(element);
      }
    }
    if (next < Infinity) dwellTimer = setTimeout(endDwells, next - now);
  }

  const near = watchNear((came) => {
    const now = performance.now();
    for (const target of came) {
      const elements = byTarget.get(target) ?? [];
      byTarget.delete(target);
      for (const element of elements) {
        if (dwellMs > 0) dwelling.set(element, now);
        else arrive(element);
      }
    }
    if (dwelling.size > 0) dwellTimer ??= setTimeout(endDwells, dwellMs);
  });

  function forget(element: Element): void {
    dwelling.delete(element);
    const wait = waiting.get(element);
    if (!wait) return;
    waiting.delete(element);
    const elements = byTarget.get(wait.target);
    elements?.delete(element);
    if (elements?.size === 0) {
      byTarget.delete(wait.target);
      near.unobserve(wait.target);
    }
    wait.release();
  }

  return {
    has: (element: Element) => waiting.has(element),
    /** The waiting elements, as a copy (forgetting while walking it is safe). */
    elements: () => [...waiting.keys()],
    /** `element` waits with `people` (watched from its first wait; re-held only if they changed). */
    wait(element: Element, people: Person[]): void {
      const before = waiting.get(element);
      if (before && sameEmails(before.people, people)) {
        before.people = people;
        return;
      }
      let target = before?.target;
      if (!target) {
        target = nearTarget(element);
        const elements = byTarget.get(target);
        if (elements) elements.add(element);
        else {
          byTarget.set(target, new Set([element]));
          near.observe(target);
        }
      }
      const releases = people.map((person) => hold(person.email));
      waiting.set(element, {
        people,
        target,
        release: () => releases.forEach((release) => release()),
      });
      before?.release();
    },
    /** No longer waits: unwatched, its lookups let go. */
    forget,
    /** Forgets every element (each unwatched); new waits may follow. */
    forgetAll(): void {
      for (const element of [...waiting.keys()]) forget(element);
    },
  };
}
