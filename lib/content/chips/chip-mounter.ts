/**
 * Keeps exactly one chip host right after each participant anchor Gmail shows:
 * new anchors get a host, anchors that left the page (or changed address) lose it.
 * One element can show several people (a recipient field with "a@x, b@y" typed),
 * so hosts are kept per element and per address, in the order detection gave.
 *
 * Hosts are built only for anchors near the viewport. Each host is a shadow root Gmail's page
 * then styles and lays out on every change: a long thread's 300 chips, most of them off-screen,
 * cost its main thread 1.08–1.22× under the 5,000-mutation benchmark (bench/main-thread.ts)
 * whatever their CSS. The first hosts of each sync are built at once, so the people the rep
 * sees first have their chips in the frame Gmail draws (IntersectionObserver reports only after
 * that frame is painted); the rest wait for ../near-viewport.ts.
 */
import type { ParticipantAnchor } from '../../shared/people';
import { watchNearViewport, type WatchNearViewport } from '../near-viewport';
import { createWaitingRoom } from './waiting-room';
import type { ChipHost } from './chip-host';

/**
 * Hosts one sync builds at once, in document order: a thread's first messages or a compose's
 * fields. More than a screen of chips rarely fits in one view; the rest come a frame later.
 */
export const EAGER_HOSTS = 20;

export interface ChipMounterOptions {
  /** Which anchors come near the viewport; tests without layout pass `everyElementNear`. */
  watchNear?: WatchNearViewport;
  eager?: number;
  /** Keeps a waiting person's lookup wanted until their host is built (./waiting-room.ts). */
  hold?: (email: string) => () => void;
  /** The element watched for an anchor's nearness (./waiting-room.ts); default: the anchor. */
  nearTarget?: (element: Element) => Element;
}

function groupByElement(anchors: readonly ParticipantAnchor[]) {
  const groups = new Map<Element, ParticipantAnchor[]>();
  for (const anchor of anchors) {
    const group = groups.get(anchor.element) ?? [];
    if (!group.some((other) => other.email === anchor.email)) group.push(anchor);
    groups.set(anchor.element, group);
  }
  return groups;
}

export function createChipMounter(
  createHost: (anchor: ParticipantAnchor) => ChipHost,
  {
    watchNear = watchNearViewport,
    eager = EAGER_HOSTS,
    hold = () => () => {},
    nearTarget,
  }: ChipMounterOptions = {},
) {
  // Elements that already have their hosts: the common case, a burst that only
  // re-finds what is mounted, costs one WeakSet lookup per anchor.
  const handled = new WeakSet<Element>();
  // Only elements on the page right now: every sync drops the rest, so nothing
  // Gmail removed is kept alive.
  const hosts = new Map<Element, Map<string, ChipHost>>();
  // Elements still off-screen, with the people they showed at their last sync: no host yet.
  // Dropped (and unobserved) like hosts when their element leaves the page.
  const waiting = createWaitingRoom<ParticipantAnchor>({
    watchNear,
    hold,
    onNear: (element, group) => mount(element, group),
    nearTarget,
  });

  function unmountStale(
    wanted: Map<Element, ParticipantAnchor[]>,
    inScope: (e: Element) => boolean,
  ) {
    for (const element of waiting.elements()) {
      if (!element.isConnected || (inScope(element) && !wanted.has(element)))
        waiting.forget(element);
    }
    for (const [element, byEmail] of hosts) {
      const group = wanted.get(element);
      const checked = element.isConnected ? inScope(element) : true;
      if (!checked) continue;
      for (const [email, host] of byEmail) {
        const stillShown = group?.some((anchor) => anchor.email === email);
        if (!stillShown || !element.isConnected || !host.element.isConnected) {
          host.destroy();
          byEmail.delete(email);
        }
      }
      if (byEmail.size === 0) {
        hosts.delete(element);
        handled.delete(element);
      }
    }
  }

  /** Builds the hosts `element` lacks, right after it in `group`'s order; returns their emails. */
  function mount(element: Element, group: readonly ParticipantAnchor[]): string[] {
    let byEmail = hosts.get(element);
    if (!byEmail) hosts.set(element, (byEmail = new Map()));
    handled.add(element);
    const added: string[] = [];
    let previous: Element = element;
    for (const anchor of group) {
      const existing = byEmail.get(anchor.email);
      if (existing) {
        previous = existing.element;
        continue;
      }
      const host = createHost(anchor);
      previous.after(host.element);
      previous = host.element;
      byEmail.set(anchor.email, host);
      added.push(anchor.email);
    }
    return added;
  }

  return {
    /**
     * Mounts and unmounts to match `anchors`; returns the emails of new chips, those mounted now
     * and those waiting to come near (their lookups need not wait).
     * With `inScope`, `anchors` is all detection found in part of the page (the messages a burst
     * touched): only hosts of elements in that part, or no longer on the page, can be unmounted.
     */
    sync(
      anchors: readonly ParticipantAnchor[],
      inScope: (element: Element) => boolean = () => true,
    ): string[] {
      const wanted = groupByElement(anchors);
      unmountStale(wanted, inScope);
      const added: string[] = [];
      let eagerLeft = eager;
      for (const [element, group] of wanted) {
        const byEmail = hosts.get(element);
        if (byEmail && handled.has(element) && group.every((a) => byEmail.has(a.email))) continue;
        if (!byEmail && waiting.has(element)) {
          waiting.wait(element, group);
        } else if (!byEmail && eagerLeft <= 0) {
          waiting.wait(element, group);
          added.push(...group.map((anchor) => anchor.email));
        } else {
          eagerLeft -= group.length;
          added.push(...mount(element, group));
        }
      }
      return added;
    },

    forEach(callback: (host: ChipHost) => void) {
      hosts.forEach((byEmail) => byEmail.forEach(callback));
    },

    destroy() {
      for (const [element, byEmail] of hosts) {
        byEmail.forEach((host) => host.destroy());
        handled.delete(element);
      }
      hosts.clear();
      waiting.forgetAll();
    },
  };
}
