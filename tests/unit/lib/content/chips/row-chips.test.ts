// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLookupStore } from '@/lib/content/lookups/lookup-store';
import { EAGER_ROWS, ROW_DWELL_MS, startRowChips } from '@/lib/content/chips/row-chips';
import type { WatchNearViewport } from '@/lib/content/near-viewport';
import { findSignedInEmail } from '@/lib/content/gmail/page';
import { DEFAULT_INBOX_LIST } from '@/lib/shared/inbox-list';
import { INBOX_2019_ROW_CHIPS } from '../../../../fixtures/gmail/inbox-2019-chips';
import { showFixture } from '../gmail/load-fixture';
import { contact, fakeWorker } from './fake-worker';
import { useShadowRoots } from './test-chips';
import { scrolledByHand } from '../scrolled-by-hand';
import type { Ask } from '@/lib/shared/messaging/messenger';

const rootOf = useShadowRoots();

const KNOWN = {
  'rahul.sharma@acme-tech.example': contact('rahul.sharma@acme-tech.example', 'Rahul Sharma', 87),
  'sneha.kulkarni@acme-tech.example': contact(
    'sneha.kulkarni@acme-tech.example',
    'Sneha Kulkarni',
    37,
  ),
  'deepa.menon@kiran-logistics.example': contact(
    'deepa.menon@kiran-logistics.example',
    'Deepa Menon',
    80,
  ),
  'aarav.gill@tharsolar.example': contact('aarav.gill@tharsolar.example', 'Aarav Gill', 88),
  'radhika.desai@vayu-aero.example': contact(
    'radhika.desai@vayu-aero.example',
    'Radhika Desai',
    53,
  ),
};

let lifetime: AbortController;
beforeEach(() => {
  showFixture('inbox-2019.html', 'own');
  lifetime = new AbortController();
});
afterEach(() => lifetime.abort());

function start(watchNear?: WatchNearViewport) {
  const worker = fakeWorker(KNOWN);
  const chips = startRowChips({
    document,
    signal: lifetime.signal,
    store: createLookupStore(worker.ask),
    signedIn: () => findSignedInEmail(document),
    theme: 'light',
    watchNear,
  });
  return { ...worker, chips };
}

/**
 * Row chips over a worker that has not answered yet (under load, or a long queue of rows), shown;
 * `givenUp`: the addresses it was asked to give up.
 */
async function startUnanswered(watchNear: WatchNearViewport) {
  const asked: Array<{ type: string; emails: string[] }> = [];
  const ask = (async (type: string, data: { emails: string[] }) => {
    asked.push({ type, emails: data.emails });
    return new Promise(() => {});
  }) as unknown as Ask;
  const chips = startRowChips({
    document,
    signal: lifetime.signal,
    store: createLookupStore(ask),
    signedIn: () => findSignedInEmail(document),
    theme: 'light',
    watchNear,
  });
  chips.setPrefs(DEFAULT_INBOX_LIST);
  await settle();
  const givenUp = () => asked.filter((a) => a.type === 'giveUpLookups').flatMap((a) => a.emails);
  return { chips, givenUp };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const rowsOf = () =>
  [...document.querySelectorAll('tr.zA')].filter((r) => r.closest('[style]') === null);
const chipEmails = (row: Element) =>
  [...row.querySelectorAll('vivre-row-chip')].map((host) => host.getAttribute('data-vivre-email'));
/** The accessible name inside a host's closed root (a chip's, or a mark's while drawn). */
const nameIn = (host: Element | null) =>
  host ? (rootOf(host).querySelector('[role=img]')?.getAttribute('aria-label') ?? null) : null;
/** What Gmail's page script can read of a host: its attributes and text, and whether it has a root. */
const asPageSees = (host: Element) => ({
  attributes: host.getAttributeNames().map((name) => `${name}=${host.getAttribute(name)}`),
  text: host.textContent,
  root: host.shadowRoot,
});

describe('row chips', () => {
  it('puts one chip after each external person of each row, none for the rep or colleagues', async () => {
    const { chips, lookups } = start();
    chips.setPrefs(DEFAULT_INBOX_LIST);
    await settle();
    expect(rowsOf().map(chipEmails)).toEqual(INBOX_2019_ROW_CHIPS);
    // Every chip sits in the visible people line, right after its person; none in the summary.
    for (const host of document.querySelectorAll('vivre-row-chip')) {
      expect(host.closest('.afn')).toBeNull();
      expect(host.previousElementSibling?.getAttribute('email')?.toLowerCase()).toBe(
        host.getAttribute('data-vivre-email'),
      );
    }
    // One message for the whole page, each address once, at the lowest priority.
    expect(lookups()).toHaveLength(1);
    expect(lookups()[0]).toHaveLength(6);
  });

  it('names each chip for a screen reader and marks the rows of hot leads', async () => {
    const { chips } = start();
    chips.setPrefs(DEFAULT_INBOX_LIST);
    await settle();
    const first = rowsOf()[0]!.querySelector('vivre-row-chip')!;
    expect(nameIn(first)).toBe('Vivre: Rahul Sharma, AI score 87, hot lead');
    // The score is drawn by CSS from the root's attribute: no text for window.find() to match.
    expect(rootOf(first).querySelector('[role=img]')?.getAttribute('data-words')).toBe('87');
    expect(rootOf(first).textContent).toBe('');
    const marks = rowsOf().map((row) => nameIn(row.querySelector('vivre-hot-lead')));
    expect(marks).toEqual([
      'Hot lead: Rahul Sharma, AI score 87',
      null,
      null,
      null,
      'Hot lead: Deepa Menon, AI score 80',
      'Hot lead: Aarav Gill, AI score 88',
      'Hot lead: Rahul Sharma, AI score 87',
      null,
    ]);
  });

  it('follows the options: a higher threshold marks fewer rows, off removes everything', async () => {
    const { chips } = start();
    chips.setPrefs(DEFAULT_INBOX_LIST);
    await settle();
    chips.setPrefs({ showScores: true, hotLeadThreshold: 85 });
    const drawnMarks = [...document.querySelectorAll('vivre-hot-lead')].filter(nameIn);
    expect(drawnMarks).toHaveLength(3);
    chips.setPrefs({ showScores: false, hotLeadThreshold: 85 });
    expect(document.querySelectorAll('vivre-row-chip, vivre-hot-lead')).toHaveLength(0);
  });

  it("tells Gmail's page nothing Vivre knows: a hot lead's row and an unknown's read the same", async () => {
    const { chips } = start();
    chips.setPrefs(DEFAULT_INBOX_LIST);
    await settle();
    // Rahul (87, a hot lead) heads the first row; Kabir, whom Vivre does not know, the last.
    const [hot, unknown] = [rowsOf()[0]!, rowsOf()[7]!];
    expect(nameIn(hot.querySelector('vivre-hot-lead'))).toMatch(/^Hot lead: Rahul Sharma/);
    expect(nameIn(unknown.querySelector('vivre-row-chip'))).toMatch(/is not in Vivre$/);
    const seen = (row: Element, tag: string) => {
      const host = row.querySelector(tag)!;
      const view = asPageSees(host);
      // The address is the row's own; the rest must be the same whatever Vivre answered.
      return {
        ...view,
        attributes: view.attributes.filter((a) => !a.startsWith('data-vivre-email=')),
      };
    };
    for (const tag of ['vivre-row-chip', 'vivre-hot-lead']) {
      expect(seen(hot, tag)).toEqual(seen(unknown, tag));
      expect(seen(hot, tag)).toEqual({
        attributes: ['data-vivre-host=', 'data-theme=light'],
        text: '',
        root: null,
      });
    }
  });

  it('shows nothing before the stored prefs are known', () => {
    const { chips, lookups } = start();
    chips.scan();
    expect(document.querySelectorAll('vivre-row-chip')).toHaveLength(0);
    expect(lookups()).toHaveLength(0);
  });

  it('keeps one chip per person when a row is read again, and drops chips of removed rows', async () => {
    const { chips } = start();
    chips.setPrefs(DEFAULT_INBOX_LIST);
    await settle();
    chips.scan([rowsOf()[5]!]);
    chips.scan();
    expect(document.querySelectorAll('vivre-row-chip')).toHaveLength(7);
    rowsOf()[0]!.remove();
    chips.scan([]);
    expect(chips.count()).toBe(6);
  });

  describe('rows further down the list', () => {
    /**
     * The list grown to `total` rows by copies of its last one, each showing someone new;
     * returns the rows past the first EAGER_ROWS.
     */
    function growList(total: number): Element[] {
      const last = rowsOf().at(-1)!;
      const list = last.parentElement!;
      while (list.children.length < total) {
        const row = last.cloneNode(true) as Element;
        const email = `far${list.children.length}@far-away.example`;
        for (const holder of row.querySelectorAll('[email]')) holder.setAttribute('email', email);
        list.append(row);
      }
      return [...list.children].slice(EAGER_ROWS);
    }

    it('get their chips once they come near, and are looked up at once with the rest', async () => {
      const far = growList(EAGER_ROWS + 3);
      const view = scrolledByHand();
      const { chips, lookups } = start(view.watchNear);
      chips.setPrefs(DEFAULT_INBOX_LIST);
      await settle();
      // The top of the list (what Gmail shows first) has its chips at once; the rows below wait.
      expect(rowsOf().slice(0, 8).map(chipEmails)).toEqual(INBOX_2019_ROW_CHIPS);
      expect(far.map(chipEmails)).toEqual([[], [], []]);
      expect([...view.waiting]).toEqual(far);
      expect(lookups()).toHaveLength(1);
      expect(lookups()[0]).toEqual(expect.arrayContaining(['far21@far-away.example']));

      view.scrollTo(far[1]!);
      // Near, and staying: its hosts come once it has been near for ROW_DWELL_MS.
      expect(chipEmails(far[1]!)).toEqual([]);
      await vi.waitFor(() => expect(chipEmails(far[1]!)).toEqual(['far21@far-away.example']));
      expect(far[1]!.querySelector('vivre-hot-lead')).not.toBeNull();
      await settle();
      expect(nameIn(far[1]!.querySelector('vivre-row-chip'))).toMatch(/is not in Vivre$/);
      // Coming near asked for nobody again.
      expect(lookups()).toHaveLength(1);
    });

    it('get no hosts when Gmail removes them before they have stayed near, and give their lookups up', async () => {
      const far = growList(EAGER_ROWS + 2);
      const view = scrolledByHand();
      const { chips, givenUp } = await startUnanswered(view.watchNear);
      const mounted = chips.count();
      // Every host put on the page from now on, even for a moment.
      const drawnFor: string[] = [];
      const drawn = new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes)
            if (node instanceof Element && node.localName === 'vivre-row-chip')
              drawnFor.push(node.getAttribute('data-vivre-email')!);
      });
      drawn.observe(document.body, { childList: true, subtree: true });
      // Both slide into view; Gmail replaces the first at once (a fling, a re-sort).
      view.scrollTo(far[0]!);
      view.scrollTo(far[1]!);
      far[0]!.remove();
      chips.scan([]);
      await vi.waitFor(() => expect(chipEmails(far[1]!)).toHaveLength(1));
      await new Promise((resolve) => setTimeout(resolve, ROW_DWELL_MS));
      drawn.disconnect();
      expect(drawnFor).toEqual([`far${EAGER_ROWS + 1}@far-away.example`]);
      expect(chips.count()).toBe(mounted + 1);
      expect(givenUp()).toEqual([`far${EAGER_ROWS}@far-away.example`]);
    });

    it('are never mounted nor kept when Gmail removes them before they come near', async () => {
      const far = growList(EAGER_ROWS + 2);
      const view = scrolledByHand();
      const { chips } = start(view.watchNear);
      chips.setPrefs(DEFAULT_INBOX_LIST);
      await settle();
      const mounted = chips.count();
      far[0]!.remove();
      chips.scan([]);
      expect([...view.waiting]).toEqual([far[1]]);
      view.scrollTo(far[0]!);
      expect(far[0]!.querySelector('vivre-row-chip, vivre-hot-lead')).toBeNull();
      expect(chips.count()).toBe(mounted);
      // Turned off: nothing is watched any more.
      chips.setPrefs({ ...DEFAULT_INBOX_LIST, showScores: false });
      expect(view.waiting.size).toBe(0);
    });

    it('give their people’s lookups up when Gmail removes them before they come near', async () => {
      const far = growList(EAGER_ROWS + 3);
      const view = scrolledByHand();
      const { chips, givenUp } = await startUnanswered(view.watchNear);
      // One comes near (its chip holds its lookup now), one is removed, one still waits.
      view.scrollTo(far[0]!);
      far[1]!.remove();
      chips.scan([]);
      await settle();
      expect(givenUp()).toEqual([`far${EAGER_ROWS + 1}@far-away.example`]);
    });
  });
});
