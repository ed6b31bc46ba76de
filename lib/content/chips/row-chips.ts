/**
 * Score chips in Gmail's list views: one chip after each external person of each row (never the
 * rep, never a colleague, never twice in a row, never from the row's hidden summary), and at the
 * start of each such row a hot-lead mark, drawn while its hottest person scores at or above the
 * threshold.
 *
 * Lookups go out in one message per scan, at the lowest priority; the rows the rep can see are
 * then raised, once an IntersectionObserver says which they are. Answers already in the worker's
 * cache come back at once whatever the priority, so cached chips show in the frame after the rows.
 */
import { isColleague } from '../../shared/address';
import { DEFAULT_INBOX_LIST, type InboxListPrefs } from '../../shared/inbox-list';
import { findInboxRows, readRowPeople } from '../gmail/inbox-rows';
import { queryNewestFirst, readableOnce } from '../gmail/query';
import { INBOX_ROW_MARK_CELL } from '../gmail/selectors';
import type { Theme } from '../gmail/page';
import type { LookupStore } from '../lookups/lookup-store';
import { createHotLeadMark, createRowChipHost, type RowChipHost } from './row-chip-host';
import { createSpareHosts } from './spare-hosts';

export interface RowChipsOptions {
  document: Document;
  signal: AbortSignal;
  store: LookupStore;
  signedIn: () => string | null;
  theme: Theme;
}

type HotLeadMark = ReturnType<typeof createHotLeadMark>;

interface MountedChip {
  host: RowChipHost;
  anchor: Element;
  /** What the host shows whatever the answer (./spare-hosts.ts): address and name. */
  key: string;
  unsubscribe: () => void;
}

interface MountedRow {
  /** By email; each host sits right after the element that showed the person. */
  chips: Map<string, MountedChip>;
  mark: HotLeadMark | null;
}

/** Hosts kept from rows Gmail removed (./spare-hosts.ts): about a page of Gmail's list. */
const SPARE_HOSTS = 100;

/** A row chip says the address, and the row's name for it while Vivre has no answer. */
const chipKey = (person: { email: string; name: string | null }) =>
  `${person.email}\n${person.name ?? ''}`;

export function startRowChips({ document: doc, signal, store, signedIn, theme }: RowChipsOptions) {
  // Null until the stored prefs are read: no chip is shown that the rep turned off.
  let prefs: InboxListPrefs | null = null;
  const rows = new Map<Element, MountedRow>();
  const spareChips = createSpareHosts<RowChipHost>(SPARE_HOSTS);
  const spareMarks = createSpareHosts<HotLeadMark>(SPARE_HOSTS);
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
    // A row Gmail removed keeps its hosts, as spares; a row still shown loses them.
    const spare = !row.isConnected;
    for (const { host, key, unsubscribe } of mounted.chips.values()) {
      unsubscribe();
      if (spare) spareChips.put(row, key, host);
      else host.destroy();
    }
    if (mounted.mark && spare) spareMarks.put(row, '', mounted.mark);
    else mounted.mark?.element.remove();
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
      mounted.mark = spareMarks.take('') ?? createHotLeadMark(doc, theme);
      cell.prepend(mounted.mark.element);
    }
    mounted.mark.show(hottest && `${hottest.name}, AI score ${hottest.score}`);
  }

  /** Mounts the row's chips to match its people; returns the emails of new chips. */
  function syncRow(row: Element, rep: string | null): string[] {
    const people = readRowPeople(row, rep).filter((person) => !isColleague(person.email, rep));
    let mounted = rows.get(row);
    // A row Gmail put back still holds the hosts it had: they are its first choice.
    let own: Map<string, RowChipHost> | undefined;
    if (!mounted) {
      own = spareChips.takeRow(row);
      mounted = { chips: new Map(), mark: spareMarks.takeRow(row).get('') ?? null };
      rows.set(row, mounted);
    }
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
      const key = chipKey(person);
      const host = own?.get(key) ?? spareChips.take(key) ?? createRowChipHost(doc, person, theme);
      own?.delete(key);
      host.show(store.get(person.email));
      const unsubscribe = store.subscribe(person.email, () => {
        host.show(store.get(person.email));
        updateMark(row);
      });
      if (host.element.previousElementSibling !== person.element)
        person.element.after(host.element);
      mounted.chips.set(person.email, { host, anchor: person.element, key, unsubscribe });
      // Only a chip still waiting is worth raising; observing costs a layout-time check per chip.
      if (store.get(person.email).status === 'loading') visibility?.observe(host.element);
      added.push(person.email);
    }
    own?.forEach((host) => host.destroy()); // people the row no longer shows
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

  /**
   * Reads the rows in or around `roots` (all of the page when absent; a root may be a row) and
   * drops rows Gmail removed.
   */
  function scan(roots?: Iterable<Element>) {
    if (signal.aborted || !prefs?.showScores) return;
    for (const row of [...rows.keys()]) if (!row.isConnected) unmountRow(row);
    const found = new Set<Element>();
    const readable = readableOnce();
    for (const root of roots ?? [doc.documentElement]) {
      if (!root.isConnected) continue; // added and gone again in one burst
      // A change inside a row is read again; a list that gained rows is read only for the rows
      // it gained: Gmail adds a row in every burst, and re-reading 100 rows each time cost
      // more than everything else the content script does.
      for (const row of findInboxRows(root, readable)) {
        if (row.contains(root) || !isIntact(row)) found.add(row);
      }
    }
    const rep = signedIn();
    const added = [...found].flatMap((row) => syncRow(row, rep));
    if (added.length > 0) void store.lookup(added, rep, 'rowOutOfView');
  }

  function clear() {
    visibility?.disconnect();
    for (const row of [...rows.keys()]) unmountRow(row);
    spareChips.clear();
    spareMarks.clear();
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
