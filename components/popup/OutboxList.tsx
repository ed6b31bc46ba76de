import { useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { Answer, OutboxItemView } from '../../lib/shared/messaging/protocol';
import type { OutboxPage } from '../../lib/shared/storage/table';
import type { PopupServices } from './services-type';
import { MAX_OUTBOX_PAGE } from '../../lib/shared/messaging/limits';

/** No extra items: one object, so setting it again is no change to draw. */
const NO_EXTRA: OutboxItemView[] = [];

/** Items the rep adds to the list with each "Show more". */
export const SHOW_MORE = 20;

interface Props {
  state: 'waiting' | 'attention';
  /** The list's first page, as the worker published it. */
  first: OutboxItemView[];
  /** How many the list holds in all. */
  total: number;
  /** Where the page after `first` starts (the feed's `more`); null when `first` is all of it. */
  more: number | null;
  /** The items' accessible name, e.g. "waiting to sync". */
  label: string;
  ask: PopupServices['ask'];
  renderItem: (item: OutboxItemView, shown: OutboxItemView[]) => JSX.Element;
}

/**
 * A window on a list that can hold thousands of writes: the first page as published, then
 * SHOW_MORE more at each press of "Show more" (a plain button: keyboard and screen reader
 * alike), asked of the worker a page at a time. A polite status says how many of how many
 * are shown. When the worker publishes a new first page, the extra pages are asked again
 * from it, so what is shown is never a stale copy.
 */
export function OutboxList({ state, first, total, more, label, ask, renderItem }: Props) {
  const [extra, setExtra] = useState<OutboxItemView[]>(NO_EXTRA);
  const [next, setNext] = useState<number | null>(more);
  const [wanted, setWanted] = useState(0);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    if (wanted === 0 || more === null) {
      setExtra(NO_EXTRA);
      setNext(more);
      return;
    }
    let current = true;
    void fetchFrom(more, wanted).then((page) => {
      if (!current) return;
      if (typeof page === 'string') return setFailed(page);
      setFailed(null);
      setExtra(page.items);
      setNext(page.next);
    });
    return () => void (current = false);
  }, [first, more, wanted]);

  async function fetchFrom(after: number, count: number): Promise<OutboxPage | string> {
    const items: OutboxItemView[] = [];
    let from: number | null = after;
    while (from !== null && items.length < count) {
      const answer: Answer<OutboxPage> = await ask('listOutboxPage', {
        state,
        after: from,
        limit: Math.min(count - items.length, MAX_OUTBOX_PAGE),
      });
      if (!answer.ok) return answer.error.message;
      items.push(...answer.value.items);
      from = answer.value.next;
    }
    return { items, next: from };
  }

  const shown = [...first, ...extra];
  return (
    <>
      <ul aria-label={label}>{shown.map((item) => renderItem(item, shown))}</ul>
      {total > first.length ? (
        <p class="outbox-more">
          <span role="status" aria-live="polite">
            {failed ?? `Showing ${shown.length.toLocaleString()} of ${total.toLocaleString()}.`}
          </span>{' '}
          {next !== null || failed ? (
            <button type="button" onClick={() => setWanted(extra.length + SHOW_MORE)}>
              Show {Math.min(SHOW_MORE, Math.max(total - shown.length, 1))} more
            </button>
          ) : null}
        </p>
      ) : null}
    </>
  );
}
