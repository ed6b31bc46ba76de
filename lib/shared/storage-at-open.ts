/**
 * The items the popup shows first, their keys and fallbacks declared here and defined as
 * storage items in ./storage.ts from these, read at open WITHOUT those definitions.
 *
 * Why: @wxt-dev/storage reads each defined item once as its module loads (its init check runs
 * for every item, with or without `init`), so importing ./storage.ts sends some fifteen reads to
 * the browser ahead of the popup's own. This module reads the five it needs in two calls, one
 * per area, and imports nothing but the browser: the popup's first script stays small and its
 * read is the first in line (measured: bench/popup.ts).
 */
import { browser } from 'wxt/browser';
import type { ConnectionState, OutboxItemView, OutboxSummary } from './messaging/protocol';
import type { CallDetailsValues } from './forms/call-details';
import type { ActivityType, Contact, Me } from './vivre/contract-types';

export interface ConnectionRecord {
  state: ConnectionState;
  me: Me | null;
}

/** What the popup keeps of a contact: enough to log against it and to show it. */
export type PickedContact = Pick<Contact, 'id' | 'name' | 'email'> & { company?: string | null };

/** A half-written log, so closing the popup loses nothing. */
export interface Draft {
  contact: PickedContact | null;
  type: ActivityType;
  note: string;
  /** A call's length and outcome as typed (absent in drafts from before they existed). */
  call?: CallDetailsValues;
}

/** The outbox as the popup lists it, with the last few items that reached Vivre, newest first. */
export type OutboxFeed = OutboxSummary & { synced: OutboxItemView[] };

/** `area:key`, as @wxt-dev/storage names items, with the value a missing item reads as. */
export const AT_OPEN = {
  draft: { key: 'session:popup-draft', fallback: null as Draft | null },
  recent: { key: 'local:recent-contacts', fallback: [] as PickedContact[] },
  outbox: { key: 'session:outbox', fallback: null as OutboxFeed | null },
  connection: {
    key: 'session:connection',
    fallback: { state: 'unknown', me: null } as ConnectionRecord,
  },
  names: { key: 'local:popup-contact-names', fallback: {} as Record<string, string> },
} as const;

export type PopupStart = { [name in keyof typeof AT_OPEN]: (typeof AT_OPEN)[name]['fallback'] };

type Area = 'local' | 'session';

/** `session:connection` → ['session', 'connection']: the storage area and the key in it. */
export function areaAndKey(itemKey: string): [Area, string] {
  return itemKey.split(/:(.*)/s) as [Area, string];
}

/** Everything the popup shows before it asks the worker anything: two reads, one per area. */
export async function readPopupStart(): Promise<PopupStart> {
  const entries = Object.entries(AT_OPEN) as [keyof PopupStart, { key: string }][];
  const keysIn = (area: Area) =>
    entries.filter(([, item]) => item.key.startsWith(`${area}:`)).map(([, item]) => item.key);
  const read = async (area: Area) =>
    keysIn(area).length === 0
      ? {}
      : ((await browser.storage[area].get(
          keysIn(area).map((key) => key.slice(area.length + 1)),
        )) as Record<string, unknown>);
  const [local, session] = await Promise.all([read('local'), read('session')]);
  const stored = { local, session };
  const start = {} as Record<keyof PopupStart, unknown>;
  for (const [name, item] of entries) {
    const [area, key] = areaAndKey(item.key);
    start[name] = stored[area][key] ?? AT_OPEN[name].fallback;
  }
  return start as PopupStart;
}
