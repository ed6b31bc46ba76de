/**
 * Keeps exactly one chip host right after each participant anchor Gmail shows:
 * new anchors get a host, anchors that left the page (or changed address) lose it.
 */
import { createHandledSet } from '../gmail/watch';
import type { ParticipantAnchor } from '../gmail/types';
import type { ChipHost } from './chip-host';

export type ChipMounter = ReturnType<typeof createChipMounter>;

export function createChipMounter(createHost: (anchor: ParticipantAnchor) => ChipHost) {
  const handled = createHandledSet();
  // Only anchors on the page right now: every sync drops the rest, so nothing
  // Gmail removed is kept alive.
  const hosts = new Map<Element, ChipHost>();

  function unmount(anchor: Element, host: ChipHost) {
    host.destroy();
    hosts.delete(anchor);
    handled.forget(anchor);
  }

  return {
    /** Mounts and unmounts to match `anchors`; returns the emails of newly mounted chips. */
    sync(anchors: readonly ParticipantAnchor[]): string[] {
      const current = new Map(anchors.map((anchor) => [anchor.element, anchor]));
      for (const [element, host] of hosts) {
        const anchor = current.get(element);
        const stale = !anchor || anchor.email !== host.email || !element.isConnected;
        if (stale || !host.element.isConnected) unmount(element, host);
      }
      const added: string[] = [];
      for (const anchor of current.values()) {
        if (!handled.isNew(anchor.element)) continue;
        const host = createHost(anchor);
        anchor.element.after(host.element);
        hosts.set(anchor.element, host);
        added.push(anchor.email);
      }
      return added;
    },

    forEach(callback: (host: ChipHost) => void) {
      hosts.forEach(callback);
    },

    destroy() {
      for (const [element, host] of hosts) unmount(element, host);
    },
  };
}
