/**
 * Keeps exactly one chip host right after each participant anchor Gmail shows:
 * new anchors get a host, anchors that left the page (or changed address) lose it.
 * One element can show several people (a recipient field with "a@x, b@y" typed),
 * so hosts are kept per element and per address, in the order detection gave.
 */
import type { ParticipantAnchor } from '../../shared/people';
import type { ChipHost } from './chip-host';

function groupByElement(anchors: readonly ParticipantAnchor[]) {
  const groups = new Map<Element, ParticipantAnchor[]>();
  for (const anchor of anchors) {
    const group = groups.get(anchor.element) ?? [];
    if (!group.some((other) => other.email === anchor.email)) group.push(anchor);
    groups.set(anchor.element, group);
  }
  return groups;
}

export function createChipMounter(createHost: (anchor: ParticipantAnchor) => ChipHost) {
  // Elements that already have their hosts: the common case, a burst that only
  // re-finds what is mounted, costs one WeakSet lookup per anchor.
  const handled = new WeakSet<Element>();
  // Only elements on the page right now: every sync drops the rest, so nothing
  // Gmail removed is kept alive.
  const hosts = new Map<Element, Map<string, ChipHost>>();

  function unmountStale(
    wanted: Map<Element, ParticipantAnchor[]>,
    inScope: (e: Element) => boolean,
  ) {
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

  return {
    /**
     * Mounts and unmounts to match `anchors`; returns the emails of newly mounted chips.
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
      for (const [element, group] of wanted) {
        let byEmail = hosts.get(element);
        if (byEmail && handled.has(element) && group.every((a) => byEmail!.has(a.email))) continue;
        if (!byEmail) hosts.set(element, (byEmail = new Map()));
        handled.add(element);
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
    },
  };
}
