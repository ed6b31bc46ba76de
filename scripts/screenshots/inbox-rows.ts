/**
 * More rows for the inbox picture: inbox-2019.html has eight, which leave half of a 1280×800
 * picture empty. Each extra row is a copy of one of the fixture's real rows (the same people,
 * another subject, snippet and date), added as Gmail adds rows; the chips on it are then the
 * extension's own, drawn as on any row that appears while the rep scrolls.
 */
import type { Page } from 'playwright-core';

/** A copy of the fixture's row `from` (0-based, visible list) with another conversation. */
export type ExtraRow = [from: number, subject: string, snippet: string, time: string];

/**
 * What the extension draws on each of inbox-2019.html's visible rows (its comment says why):
 * row chips (external people) and whether the row gets the hot-lead mark.
 */
export const FIXTURE_ROWS = [
  { chips: 1, hot: true }, // Rahul Sharma
  { chips: 1, hot: false }, // Sneha Kulkarni
  { chips: 0, hot: false }, // me
  { chips: 0, hot: false }, // Ananya Iyer, a colleague
  { chips: 1, hot: true }, // me, Deepa Menon
  { chips: 2, hot: true }, // Aarav Gill, me, Radhika Desai
  { chips: 1, hot: true }, // Priya Kapoor (colleague), Rahul Sharma
  { chips: 1, hot: false }, // Kabir Ahuja, not in Vivre
];

/** How many row chips and hot-lead marks the page shows once `extra` rows are added. */
export function expectedMarks(extra: ExtraRow[]): { chips: number; hot: number } {
  const rows = [...FIXTURE_ROWS, ...extra.map(([from]) => FIXTURE_ROWS[from]!)];
  return {
    chips: rows.reduce((sum, row) => sum + row.chips, 0),
    hot: rows.filter((row) => row.hot).length,
  };
}

/** Runs in the page (no closures; see dressAsGmail for `__name`). */
function appendRows(extra: ExtraRow[]) {
  const list = document.querySelector('[role=grid]:not([style*="display: none"] *) tbody');
  const originals = [...(list?.querySelectorAll(':scope > [role=row]') ?? [])];
  extra.forEach(([from, subject, snippet, time], n) => {
    const original = originals[from];
    if (!list || !original) throw new Error(`inbox-2019.html has no visible row ${from}`);
    const row = original.cloneNode(true) as HTMLElement;
    row.querySelectorAll('[data-vivre-host]').forEach((host) => host.remove());
    // Ids are unique in Gmail's page, and the row's aria-labelledby names its own summary.
    for (const node of [row, ...row.querySelectorAll('[id], [aria-labelledby]')]) {
      for (const attribute of ['id', 'aria-labelledby']) {
        const value = node.getAttribute(attribute);
        if (value) node.setAttribute(attribute, `${value}-extra${n}`);
      }
    }
    // Read, older mail; each copy is its own thread.
    row.classList.replace('zE', 'yO');
    for (const thread of row.querySelectorAll('[data-thread-id]')) {
      thread.setAttribute(
        'data-thread-id',
        `#thread-f:16540095366427${String(n).padStart(5, '0')}`,
      );
      thread.setAttribute('data-legacy-thread-id', `16f438e906b3${(0xe00 + n).toString(16)}`);
      thread.textContent = subject;
    }
    const snippetLine = row.querySelector('[role=link] div + span');
    snippetLine?.lastChild?.replaceWith(snippet);
    const date = row.querySelector('td span[title]:not([role])');
    date?.setAttribute('title', time);
    date?.setAttribute('aria-label', time);
    date?.firstElementChild?.replaceChildren(time);
    list.append(row);
  });
}

export async function addInboxRows(page: Page, extra: ExtraRow[]): Promise<void> {
  await page.evaluate(appendRows, extra);
}
