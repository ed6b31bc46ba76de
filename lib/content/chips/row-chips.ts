/**
 * Score chips in Gmail's list views: one chip after each external person of each row (never the
 * rep, never a colleague, never twice in a row, never from the row's hidden summary), and at the
 * start of each such row a hot-lead mark, drawn while its hottest person scores at or above the
 * threshold.
 *
 * Lookups go out in one message per scan, at the lowest priority; the rows the rep can see are
 * then raised, once an IntersectionObserver says which they are. Answers already in the worker's
 * cache come back at once whatever the priority, so cached chips show in the frame after the rows.
 *
 * Only rows near the viewport (a quarter screen ahead, ../near-viewport.ts) get their hosts: every
 * host is a shadow root Gmail's page styles and lays out on each change of the list, and a 100-row
 * list shows about a fifth of its rows. The first rows of a list get theirs at once, so a list Gmail draws at its top
 * (a page opened, new mail arriving) has its chips in that frame; an observer's report comes only
 * after the frame is painted. Rows further down are looked up at once all the same, and get their
 * hosts once they have stayed near for ROW_DWELL_MS: rows that slide past (a fling of the list,
 * Gmail replacing rows as it re-sorts them) never cost two shadow roots each for nobody to see.
 */
import { isColleague } from '../../shared/address';
import { DEFAULT_INBOX_LIST, type InboxListPrefs } from '../../shared/inbox-list';
import { findInboxRows, readRowPeople, type RowPerson } from '../gmail/inbox-rows';
import { queryNewestFirst, readableOnce } from '../gmail/query';
import { INBOX_ROW_MARK_CELL } from '../gmail/selectors';
import type { Theme } from '../gmail/page';
import type { LookupStore } from '../lookups/lookup-store';
import { watchRowsNearViewport, type WatchNearViewport } from '../near-viewport';
import { createWaitingRoom } from './waiting-room';
import { createHotLeadMark, createRowChipHost, type RowChipHost } from './row-chip-host';

/** Rows at the top of a list that get their chips at once: about a screen of them. */
export const EAGER_ROWS = 20;
/**
 * How long a row further down stays near the viewport (on the page) before it gets its hosts.
 * The observer notices a row up to NEAR_CHECK_DELAY_MS (100) after it comes within the quarter
 * screen, so its chips come 150–250 ms after that: a row scrolled at a reading pace (a few hundred
 * pixels a second) takes longer to cross a quarter screen (~200 px), and is still out of view.
 */
export const ROW_DWELL_MS = 150;

export interface RowChipsOptions {
  document: Document;
  signal: AbortSignal;
  store: LookupStore;
  signedIn: () => string | null;
  theme: Theme;
  /** Which rows are near the viewport; tests without layout pass `everyElementNear`. */
  watchNear?: WatchNearViewport;
}

interface MountedRow {
  /** By email; each host sits right after the element that showed the person. */
  chips: Map<string, { host: RowChipHost; anchor: Element; unsubscribe: () => void }>;
  mark: ReturnType<typeof createHotLeadMark> | null;
}

export function startRowChips({
  document: doc,
  signal,
  store,
  signedIn,
  theme,
  watchNear = watchRowsNearViewport,
}: RowChipsOptions) {
  // Null until the stored prefs are read: no chip is shown that the rep turned off.
  let prefs: InboxListPrefs | null = null;
  const rows = new Map<Element, MountedRow>();
  // Rows further down than the rep has come, with the people last read in each: no hosts yet.
  // Forgotten (and unobserved) once Gmail removes the row, so nothing keeps it alive.
  const waiting = createWaitingRoom<RowPerson>({
    watchNear,
    dwellMs: ROW_DWELL_MS,
    hold: store.hold,
    onNear: (row, people) => {
      if (prefs?.showScores) syncRow(row, people);
    },
  });
  const visibility =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(raiseVisible, { root: null })
      : null;

  /** Rows the rep sees are looked up before rows out of view (see the scheduler in the worker). */
  function raiseVisible(entries: IntersectionObserverEntry[]) {
    const visible: string[] = [];
    for (const entry of entries) {
      visibility?.unobserve(entry.target);
      const email = entry.target.getAttribute('data-vivre-email');
      if (entry.isIntersecting && email && store.get(email).status === 'loading')
        visible.push(email);
    }
    if (visible.length > 0) void store.refresh(visible, signedIn(), 'visibleRow');
  }

  function unmountRow(row: Element) {
    const mounted = rows.get(row);
    if (!mounted) return;
    for (const { host, unsubscribe } of mounted.chips.values()) {
      unsubscribe();
      host.destroy();
    }
    mounted.mark?.element.remove();
    rows.delete(row);
  }

  /**
   * The mark follows the row's hottest known person. It is mounted with the row's chips and
   * stays, blank when nobody is hot: a mark that came and went would tell page script whom
   * Vivre scores hot (./row-chip-host.ts).
   */
  function updateMark(row: Element) {
    const mounted = rows.get(row);
    if (!mounted) return;
    let hottest: { name: string; score: number } | null = null;
    for (const email of mounted.chips.keys()) {
      const state = store.get(email);
      if (state.status !== 'found') continue;
      const { name, ai_score: score } = state.contact;
      const threshold = (prefs ?? DEFAULT_INBOX_LIST).hotLeadThreshold;
      if (score >= threshold && (!hottest || score > hottest.score)) hottest = { name, score };
    }
    if (!mounted.mark) {
      const cell = queryNewestFirst(row, INBOX_ROW_MARK_CELL)[0];
      if (!cell) return;
      mounted.mark = createHotLeadMark(doc, theme);
      cell.prepend(mounted.mark.element);
    }
    mounted.mark.show(hottest && `${hottest.name}, AI score ${hottest.score}`);
  }

  /** Who of the row gets a chip: the external people it shows. */
  function chippedPeople(row: Element, rep: string | null): RowPerson[] {
    return readRowPeople(row, rep).filter((person) => !isColleague(person.email, rep));
  }

  /** Mounts the row's chips to match `people`; returns the emails of new chips. */
  function syncRow(row: Element, people: RowPerson[]): string[] {
    const mounted = rows.get(row) ?? { chips: new Map(), mark: null };
    rows.set(row, mounted);
    const added: string[] = [];
    for (const [email, chip] of mounted.chips) {
      const still = people.find((person) => person.email === email);
      if (still && still.element === chip.anchor && chip.host.element.isConnected) continue;
      chip.unsubscribe();
      chip.host.destroy();
      mounted.chips.delete(email);
    }
    for (const person of people) {
      if (mounted.chips.has(person.email)) continue;
      const host = createRowChipHost(doc, person, theme);
      host.show(store.get(person.email));
      const unsubscribe = store.subscribe(person.email, () => {
        host.show(store.get(person.email));
        updateMark(row);
      });
      person.element.after(host.element);
      mounted.chips.set(person.email, { host, anchor: person.element, unsubscribe });
      // Only a chip still waiting is worth raising; observing costs a layout-time check per chip.
      if (store.get(person.email).status === 'loading') visibility?.observe(host.element);
      added.push(person.email);
    }
    if (people.length === 0) unmountRow(row);
    else updateMark(row);
    return added;
  }

  /** Mounted, and every chip still right after the element it was put after. */
  function isIntact(row: Element): boolean {
    const mounted = rows.get(row);
    if (!mounted) return false;
    for (const { host, anchor } of mounted.chips.values()) {
      if (!anchor.isConnected || host.element.previousElementSibling !== anchor) return false;
    }
    return true;
  }

  /** Reads the rows in `roots` (all of the page when absent) and drops rows Gmail removed. */
  function scan(roots?: Iterable<Element>) {
    if (signal.aborted || !prefs?.showScores) return;
    for (const row of [...rows.keys()]) if (!row.isConnected) unmountRow(row);
    for (const row of waiting.elements()) if (!row.isConnected) waiting.forget(row);
    const found = new Set<Element>();
    const readable = readableOnce();
    for (const root of roots ?? [doc.documentElement]) {
      // A change inside a row is read again; a list that gained rows is read only for the rows
      // it gained: Gmail adds a row in every burst, and re-reading 100 rows each time cost
      // more than everything else the content script does.
      for (const row of findInboxRows(root, readable)) {
        if (row.contains(root) || !isIntact(row)) found.add(row);
      }
    }
    const rep = signedIn();
    const added: string[] = [];
    for (const row of found) {
      const people = chippedPeople(row, rep);
      if (rows.has(row) || isNearListTop(row)) {
        waiting.forget(row);
        added.push(...syncRow(row, people));
      } else if (people.length > 0) {
        waiting.wait(row, people);
        added.push(...people.map((person) => person.email));
      } else waiting.forget(row);
    }
    if (added.length > 0) void store.lookup(added, rep, 'rowOutOfView');
  }

  function clear() {
    visibility?.disconnect();
    waiting.forgetAll();
    for (const row of [...rows.keys()]) unmountRow(row);
  }

  signal.addEventListener('abort', clear, { once: true });

  return {
    scan,
    /** New prefs: off removes every chip and mark; on, or a new threshold, shows them again. */
    setPrefs(next: InboxListPrefs) {
      const was = prefs;
      prefs = next;
      if (!next.showScores) return clear();
      if (!was?.showScores) return scan();
      for (const row of rows.keys()) updateMark(row);
    },
    /** For tests and the bench: how many chips are mounted. */
    count: () => [...rows.values()].reduce((sum, row) => sum + row.chips.size, 0),
  };
}

/** Among the first EAGER_ROWS rows of its list (siblings counted, no layout read). */
function isNearListTop(row: Element): boolean {
  let above = row.previousElementSibling;
  for (let n = 1; above; n++, above = above.previousElementSibling)
    if (n >= EAGER_ROWS) return false;
  return true;
}
