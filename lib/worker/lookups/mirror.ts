/**
 * The chip mirror (`CHIP_MIRROR` in lib/shared/storage/table.ts): what chips show of the people
 * last looked up, written by the worker into storage.local so a new Gmail tab draws their chips
 * at once, before the worker is awake (lib/content/lookups/mirror.ts reads it). The worker stays
 * the authority: the tab asks it as before, and its answer replaces what the mirror showed.
 *
 * It holds only what lookups would answer a chip now: nothing while automatic lookups are off,
 * never a never-look-up address, nothing from a previous connection. Bounded: the
 * MAX_MIRRORED_PEOPLE people looked up last, oldest going first. Content scripts may write
 * storage.local, so what is read back is only passed on to chips, never decided by, and any
 * entry not of the mirror's shape is dropped.
 */
import { browser } from 'wxt/browser';
import type { LookupResult } from '../../shared/messaging/protocol';
import {
  areaAndKey,
  CHIP_MIRROR,
  MAX_MIRRORED_PEOPLE,
  type ChipMirror,
  type MirroredPerson,
} from '../../shared/storage/table';

const [, KEY] = areaAndKey(CHIP_MIRROR.key);

/** Which addresses the mirror may hold now, or null: none. */
export type Admits = () => Promise<((email: string) => boolean) | null>;

export interface ChipMirrorStore {
  /**
   * Keeps what these answers show, newest last; a skipped address leaves the mirror. `admits`,
   * asked in turn with every other change (so after any privacy change before it), says which
   * addresses may be kept.
   */
  remember(results: Record<string, LookupResult>, admits?: Admits): Promise<void>;
  /** Drops the addresses `drop` says, e.g. those the rep just listed as never-look-up. */
  drop(drop: (email: string) => boolean): Promise<void>;
  clear(): Promise<void>;
}

function isPerson(value: unknown): value is MirroredPerson {
  if (typeof value !== 'object' || value === null) return false;
  const { name, score, fetchedAt } = value as Record<string, unknown>;
  const found = typeof name === 'string' && typeof score === 'number';
  return typeof fetchedAt === 'number' && (found || (name === undefined && score === undefined));
}

function shown(result: LookupResult): MirroredPerson | null | undefined {
  switch (result.status) {
    case 'found':
      return {
        name: result.contact.name,
        score: result.contact.ai_score,
        fetchedAt: result.fetchedAt,
      };
    case 'not_found':
      return { fetchedAt: result.fetchedAt };
    case 'skipped':
      return null; // out of the mirror
    default:
      return undefined; // an error says nothing new: keep what was shown
  }
}

export function createChipMirror(max = MAX_MIRRORED_PEOPLE): ChipMirrorStore {
  /** Every change runs after the one before: a read, the change, one write. */
  let queue: Promise<unknown> = Promise.resolve();

  async function read(): Promise<Map<string, MirroredPerson>> {
    const stored = ((await browser.storage.local.get(KEY)) as Record<string, unknown>)[KEY];
    const entries = typeof stored === 'object' && stored !== null ? Object.entries(stored) : [];
    return new Map(
      entries.filter((entry): entry is [string, MirroredPerson] => isPerson(entry[1])),
    );
  }

  function change(
    apply: (people: Map<string, MirroredPerson>) => boolean | Promise<boolean>,
  ): Promise<void> {
    const next = queue.then(async () => {
      const people = await read();
      if (!(await apply(people))) return;
      for (const email of people.keys()) {
        if (people.size <= max) break;
        people.delete(email);
      }
      const mirror: ChipMirror = Object.fromEntries(people);
      await browser.storage.local.set({ [KEY]: mirror });
    });
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    remember(results, admits = async () => () => true) {
      return change(async (people) => {
        const admitted = await admits();
        if (!admitted) return false;
        let changed = false;
        for (const [email, result] of Object.entries(results)) {
          const person = admitted(email) ? shown(result) : null;
          if (person === undefined) continue;
          changed = people.delete(email) || changed;
          if (person) {
            people.set(email, person); // newest last
            changed = true;
          }
        }
        return changed;
      });
    },
    drop(drop) {
      return change((people) => {
        const before = people.size;
        for (const email of [...people.keys()]) if (drop(email)) people.delete(email);
        return people.size !== before;
      });
    },
    async clear() {
      const next = queue.then(() => browser.storage.local.remove(KEY));
      queue = next.catch(() => undefined);
      await next;
    },
  };
}
